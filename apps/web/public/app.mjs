// Progressive enhancement only: every page works without this.
import { initAll as initGovuk } from '/assets/govuk/govuk-frontend.min.js';
import { initAll as initMoj } from '/assets/moj/moj-frontend.min.js';

initGovuk();
initMoj();

// The calendar feed's "Copy" button copies the address next to it.
for (const button of document.querySelectorAll('[data-copy-target]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const target = document.getElementById(button.dataset.copyTarget);
    if (target && navigator.clipboard) await navigator.clipboard.writeText(target.value);
  });
}
