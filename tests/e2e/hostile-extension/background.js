// Test fixture: tries to reach another extension's background. Ours must not answer.
self.tryToReach = (extensionId, message) =>
  chrome.runtime.sendMessage(extensionId, message).then(
    (reply) => ({ answered: true, reply }),
    (error) => ({ answered: false, error: String(error?.message ?? error) }),
  );
