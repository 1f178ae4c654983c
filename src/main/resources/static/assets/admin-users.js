import { act, api, el, showError, table, when } from './admin.js';

// Users and their API tokens: disable or enable a user, list a user's tokens and revoke one. Both take effect at once
// (the API checks every request, session and stream against the database).

const list = document.getElementById('users');
const tokens = document.getElementById('tokens');
let me = null;
let open = null; // the user whose tokens are on show

async function load() {
  try {
    const [users, self] = await Promise.all([api('GET', '/api/v1/users'), me ? null : api('GET', '/api/v1/me')]);
    if (self) me = self.json.username;
    list.replaceChildren(table('Users', ['User', 'Role', 'State', 'Since', ''], users.json.map(row),
      { hideCaption: true }));
    list.removeAttribute('aria-busy');
  } catch (e) {
    showError(e.message);
  }
}

function row(user) {
  const actions = el('div', { class: 'actions' },
    el('button', { type: 'button', 'data-action': 'tokens', 'aria-label': 'Tokens of ' + user.username,
      text: 'Tokens', onclick: () => showTokens(user.username) }),
    el('a', { class: 'button secondary', href: '/admin/quotas?user=' + encodeURIComponent(user.username),
      'aria-label': 'Quota of ' + user.username, text: 'Quota' }));
  if (user.username !== me) { // the API refuses to let an administrator lock themselves out
    actions.append(user.disabled
      ? el('button', { type: 'button', 'data-action': 'enable', 'aria-label': 'Enable ' + user.username,
        text: 'Enable', onclick: () => act(() => api('POST', '/api/v1/users/' + encodeURIComponent(user.username)
          + '/enable'), user.username + ' is enabled again.', load) })
      : el('button', { type: 'button', class: 'danger', 'data-action': 'disable',
        'aria-label': 'Disable ' + user.username, text: 'Disable', onclick: () => {
          if (!window.confirm('Disable ' + user.username + '? None of their tokens or sessions will work.')) return;
          act(() => api('POST', '/api/v1/users/' + encodeURIComponent(user.username) + '/disable'),
            user.username + ' is disabled.', load);
        } }));
  }
  return el('tr', { 'data-user': user.username, 'data-disabled': String(user.disabled) },
    el('th', { scope: 'row' }, el('span', { text: user.username }),
      user.displayName ? el('span', { class: 'muted block', text: user.displayName }) : null),
    el('td', { text: user.admin ? 'administrator' : 'user' }),
    el('td', { class: user.disabled ? 'error' : null, text: user.disabled ? 'disabled' : 'active' }),
    el('td', { text: when(user.disabled ? user.disabledAt : user.createdAt) }),
    el('td', {}, actions));
}

async function showTokens(username) {
  showError('');
  try {
    const { json } = await api('GET', '/api/v1/users/' + encodeURIComponent(username) + '/tokens');
    open = username;
    document.getElementById('tokens-h').textContent = 'Tokens of ' + username;
    document.getElementById('token-list').replaceChildren(json.length === 0
      ? el('p', { class: 'muted', text: username + ' has no tokens.' })
      : table('Tokens of ' + username, ['Name', 'Starts with', 'Created', 'Expires', 'Last used', ''],
        json.map((token) => el('tr', { 'data-token': token.id },
          el('th', { scope: 'row', text: token.name }), el('td', {}, el('code', { text: token.prefix })),
          el('td', { text: when(token.createdAt) }), el('td', { text: token.expiresAt ? when(token.expiresAt) : 'never' }),
          el('td', { text: token.lastUsedAt ? when(token.lastUsedAt) : 'never' }),
          el('td', {}, el('button', { type: 'button', class: 'danger', 'data-action': 'revoke',
            'aria-label': 'Revoke the token ' + token.name + ' of ' + username, text: 'Revoke', onclick: () => {
              if (!window.confirm('Revoke the token ' + token.name + ' of ' + username + '? It stops working now.')) return;
              act(() => api('DELETE', '/api/v1/tokens/' + token.id), 'Revoked ' + token.name + ' of ' + username + '.',
                () => showTokens(open));
            } })))), { hideCaption: true }));
    tokens.hidden = false;
    document.getElementById('tokens-h').setAttribute('tabindex', '-1');
    document.getElementById('tokens-h').focus();
  } catch (e) {
    showError(e.message);
  }
}

load();
