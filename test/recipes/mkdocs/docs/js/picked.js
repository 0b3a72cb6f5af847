// The page's own handler: shows the selected cell of either heatmap under it.
document.addEventListener('cell-select', function (event) {
  var detail = event.detail;
  var output = document.getElementById('picked-' + event.target.parentElement.id);
  output.textContent = detail ? detail.rowIndex + ',' + detail.columnIndex + ' ' + detail.value : '';
});
