// One polite live region for the whole page, for short confirmations such as "Copied to the clipboard". A page has
// many copy buttons: each with a region of its own would fill the page with empty live regions (and screen readers
// handle many of them badly). Outside React, like react-aria's LiveAnnouncer, so that any component may speak.

let region: HTMLElement | null = null;
let sayTimer: number | undefined;
let clearTimer: number | undefined;

/** How long a message stays in the region (then it is emptied, so the same message is announced again next time). */
const keepMs = 5000;

/** Says `message` to screen-reader users (and puts it, visually hidden, into the page). */
export function announce(message: string): void {
  const fresh = !region || !region.isConnected;
  if (fresh) {
    region = document.createElement("div");
    region.className = "visually-hidden";
    region.setAttribute("aria-live", "polite");
    region.setAttribute("data-announcer", "");
    document.body.appendChild(region);
  }
  const target = region!;
  window.clearTimeout(sayTimer);
  window.clearTimeout(clearTimer);
  target.textContent = "";
  // A region that has just been added is not yet watched by screen readers: give them a moment.
  sayTimer = window.setTimeout(() => (target.textContent = message), fresh ? 100 : 0);
  clearTimer = window.setTimeout(() => (target.textContent = ""), keepMs);
}

/** Removes the region (tests: each starts with an empty page). */
export function resetAnnouncer(): void {
  window.clearTimeout(sayTimer);
  window.clearTimeout(clearTimer);
  region?.remove();
  region = null;
}
