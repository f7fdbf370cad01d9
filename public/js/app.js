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

// Copy buttons (a team's access code): hidden until this script can serve them.
for (const button of document.querySelectorAll('[data-copy]')) {
  button.hidden = false
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.getAttribute('data-copy'))
    if (!source) return
    await navigator.clipboard.writeText(source.value ?? source.textContent.trim())
    const label = button.textContent
    button.textContent = 'Copied'
    setTimeout(() => (button.textContent = label), 1500)
  })
}
