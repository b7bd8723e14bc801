export default defineBackground(() => {
  // Filled in by the billing service.
});
