// Progressive enhancement only: every page works without this file.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-confirm]') : null
  if (target && !window.confirm(target.getAttribute('data-confirm'))) event.preventDefault()
})

// The board's extra filters start folded on small screens, unless in use.
const moreFilters = document.querySelector('[data-fold-on-narrow]')
if (
  moreFilters &&
  !moreFilters.hasAttribute('data-in-use') &&
  window.matchMedia('(max-width: 960px)').matches
) {
  moreFilters.open = false
}
