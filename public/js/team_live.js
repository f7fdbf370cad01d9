// A team page, live (D4): public/js/live.js loads this module when the page
// has a [data-team-live="<teamId>"] root and hands it its Transmit client.
// Without it the page shows the same facts on reload.
//
// Hooks inside the root (each optional):
//   [data-presence-user-id="<id>"]   a member's online marker: gets the class
//                                    `is-online` and data-online, and its
//                                    [data-presence-label] (or itself) the
//                                    text "online" / "offline"
//   #team-activity                   a list: new check-ins, joins and leaves
//                                    are prepended to it
//   [data-team-member-count]         the member count (a number)
//   [data-team-name]                 the team's name
// Each check-in, join and leave is also announced in a polite live region.

export function followTeam(transmit, root) {
  const teamId = root.dataset.teamLive
  const team = transmit.subscription(`teams/${teamId}`)
  team.onMessage((message) => onTeamEvent(root, message))
  team.create()
  const presence = transmit.subscription(`teams/${teamId}/presence`)
  presence.onMessage((message) => {
    if (message.type === 'presence') showOnline(root, new Set(message.online))
  })
  presence.create()
}

function onTeamEvent(root, message) {
  if (message.type === 'checkin.created') {
    const { user, score } = message.checkIn
    report(root, `${nameOf(user)} checked in · score ${score}`)
  }
  if (message.type === 'member.joined') {
    report(root, `${nameOf(message.user)} joined the team`)
    countMembers(root, +1)
  }
  if (message.type === 'member.left') {
    report(root, `${nameOf(message.user)} left the team`)
    countMembers(root, -1)
    markOnline(root, message.user.id, false)
  }
  if (message.type === 'team.updated') {
    for (const name of root.querySelectorAll('[data-team-name]')) {
      name.textContent = message.team.name
    }
  }
}

function showOnline(root, online) {
  for (const marker of root.querySelectorAll('[data-presence-user-id]')) {
    setMarker(marker, online.has(marker.dataset.presenceUserId))
  }
}

function markOnline(root, userId, isOnline) {
  for (const marker of root.querySelectorAll('[data-presence-user-id]')) {
    if (marker.dataset.presenceUserId === userId) setMarker(marker, isOnline)
  }
}

function setMarker(marker, isOnline) {
  marker.classList.toggle('is-online', isOnline)
  marker.dataset.online = String(isOnline)
  const label = marker.querySelector('[data-presence-label]') ?? marker
  label.textContent = isOnline ? 'online' : 'offline'
}

function countMembers(root, change) {
  for (const count of root.querySelectorAll('[data-team-member-count]')) {
    const value = Number.parseInt(count.textContent, 10)
    if (Number.isFinite(value)) count.textContent = String(Math.max(0, value + change))
  }
}

// The activity list gets the line at its top; the live region says it once.
function report(root, text) {
  const list = root.querySelector('#team-activity') ?? document.getElementById('team-activity')
  if (list) {
    const item = document.createElement('li')
    item.className = 'team-activity__item team-activity__item--live'
    item.textContent = text
    list.prepend(item)
  }
  announcer(root).textContent = text
}

function announcer(root) {
  let region = root.querySelector('[data-team-announcer]')
  if (!region) {
    region = document.createElement('div')
    region.className = 'visually-hidden'
    region.dataset.teamAnnouncer = ''
    region.setAttribute('role', 'status')
    region.setAttribute('aria-live', 'polite')
    root.append(region)
  }
  return region
}

function nameOf(user) {
  return user?.username ?? 'Someone'
}
