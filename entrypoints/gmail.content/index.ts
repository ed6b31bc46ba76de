export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  main() {
    document.documentElement.dataset.vivreLoaded = '1';
  },
});
