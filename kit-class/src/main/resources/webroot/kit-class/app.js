// Class mode's landing page: every two seconds, each card's client count and state.
async function refresh() {
  try {
    const response = await fetch('status.json', { cache: 'no-store' });
    for (const recipe of await response.json()) {
      const card = document.querySelector(`[data-module="${CSS.escape(recipe.module)}"]`);
      const clients = card?.querySelector('.clients');
      if (clients) clients.textContent = String(recipe.clients);
    }
  } catch {
    // the kit is stopping, or the network is gone: the next tick tries again
  }
}
setInterval(refresh, 2000);
