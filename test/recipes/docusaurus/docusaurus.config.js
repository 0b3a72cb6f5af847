// A minimal site: the classic preset with its pages plugin only.
export default {
  title: 'token-heatmap recipe',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  presets: [['classic', { docs: false, blog: false }]],
};
