// The README's example: names in the article text select on the map, and the map's selection
// marks the names in the text. No inline script: this file is served under the strict CSP.
const map = document.getElementById('map');
const log = document.getElementById('log');

for (const a of document.querySelectorAll('[data-stakeholder]')) {
  a.addEventListener('click', (e) => {
    e.preventDefault();
    map.select(a.dataset.stakeholder);
    map.scrollIntoView({ block: 'nearest' });
  });
}

// Events bubble out of the element (composed), so the page can listen anywhere.
document.addEventListener('stakeholder-map:select', (e) => {
  for (const a of document.querySelectorAll('[data-stakeholder]')) {
    a.classList.toggle('is-selected', a.dataset.stakeholder === e.detail.id);
  }
  const li = document.createElement('li');
  li.textContent = `select ${JSON.stringify(e.detail)}`;
  log.append(li);
});
document.addEventListener('stakeholder-map:quote', (e) => {
  const li = document.createElement('li');
  li.textContent = `quote ${JSON.stringify(e.detail)}`;
  log.append(li);
});
