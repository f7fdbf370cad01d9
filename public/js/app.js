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

// Username suggestions (the team invite form): the input works as plain
// text without this; with it, members matching what is typed fill its list.
for (const input of document.querySelectorAll('[data-user-suggest]')) {
  const list = document.getElementById(input.getAttribute('data-user-suggest'))
  let timer = null
  input.addEventListener('input', () => {
    clearTimeout(timer)
    const term = input.value.trim()
    if (!list || term.length < 2) return
    timer = setTimeout(async () => {
      const response = await fetch(`/users/search?q=${encodeURIComponent(term)}`, {
        headers: { Accept: 'application/json' },
      })
      if (!response.ok) return
      const { data } = await response.json()
      list.replaceChildren(
        ...data.map((member) => {
          const option = document.createElement('option')
          option.value = member.username
          const name = [member.firstName, member.lastName].filter(Boolean).join(' ')
          if (name) option.label = `${name} (@${member.username})`
          return option
        })
      )
    }, 200)
  })
}
