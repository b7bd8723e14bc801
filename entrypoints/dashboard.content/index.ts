export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  main() {},
});
