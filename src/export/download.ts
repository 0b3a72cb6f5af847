// The browser download of an exported file: the menu's, for every format (CSV stays in the core).

/** Saves data as a file the browser downloads. */
export function download(data: Blob | string, fileName: string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url));
}
