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
    const scored = score === null || score === undefined ? '' : ` · score ${score}`
    report(root, `${nameOf(user)} checked in${scored}`)
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
    list.prepend(activityItem(text))
  }
  announcer(root).textContent = text
}

// The same markup as the activity lines the page was rendered with.
function activityItem(text) {
  const item = document.createElement('li')
  item.className = 'event'
  const dot = document.createElement('span')
  dot.className = 'event__dot'
  dot.setAttribute('aria-hidden', 'true')
  const body = document.createElement('div')
  body.className = 'event__body'
  const line = document.createElement('p')
  line.className = 'event__text'
  line.textContent = text
  const time = document.createElement('time')
  time.className = 'event__time muted small'
  time.dateTime = new Date().toISOString()
  time.textContent = 'just now'
  body.append(line, time)
  item.append(dot, body)
  return item
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
