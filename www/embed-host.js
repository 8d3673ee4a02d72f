// For the page that shows embed.html in an <iframe> (an intranet page; Stratsys sets its frames'
// height itself): sets each balans frame's height to the height its page reports, so the report
// never scrolls inside a fixed frame. A classic script file (no module: loaded from the balans
// server it needs no CORS), so it runs under a policy without inline script:
//
//   <iframe src="https://balans.region.example/embed.html?src=data/region-2025.json" title="Budgetuppföljning"></iframe>
//   <script src="https://balans.region.example/embed-host.js" defer></script>
//
// A message counts only from a frame of this page whose own address has the message's origin;
// embed.html sends it only to the origins its <meta name="balans-host-origins"> allows.
// Not here: anything about the report; the frame renders it.

{
  /** The tallest height taken, in CSS px: a frame cannot make the page absurdly long. */
  const MAX_HEIGHT = 20000;

  window.addEventListener('message', (event) => {
    if (event.data?.type !== 'balans-height') return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height) || height <= 0) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, document.baseURI).origin !== event.origin) continue;
      frame.style.height = `${Math.min(Math.ceil(height), MAX_HEIGHT)}px`;
    }
  });
}
