// Benchmark users sign in the way the mini-program does: a WeChat login code
// (from the local stand-in) to POST /api/auth/wechat, so sessions are made by
// the server's own code and cannot drift from it. Staff are appointed by the
// demo admin through the admin route.
const path = require('node:path');
const { ROOT } = require('../../tools/lib/proc');

/** Starts the WeChat stand-in and points the API (started after this) at it. */
async function startStandin() {
  const { startWechatStandin } = require(path.join(ROOT, 'server', 'dist', 'modules', 'wechat', 'standin', 'index.js'));
  // Benchmarks sign in hundreds of users at once: past WeChat's own login quota (about 100 a minute), which the stand-in enforces by default.
  const standin = await startWechatStandin({ loginRateLimit: 100_000 });
  Object.assign(process.env, { WECHAT_API_BASE: standin.url, WECHAT_APPID: standin.appid, WECHAT_SECRET: standin.secret });
  return standin;
}

/** `Bearer <token>` and the user id for `openid` (a new resident the first time; the stand-in accepts `dev:<openid>` codes). */
async function signIn(baseUrl, openid) {
  const res = await fetch(`${baseUrl}/api/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `dev:${openid}` }) });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`sign in ${openid}: ${res.status} ${JSON.stringify(body)}`);
  return { auth: `Bearer ${body.token}`, id: body.user.id };
}

/** Makes a user staff (officer, lead, secretary) through the admin route, as the demo admin. */
async function appoint(baseUrl, userId, role, where = {}) {
  const admin = await signIn(baseUrl, 'demo-admin');
  const res = await fetch(`${baseUrl}/api/admin/users/${userId}/role`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: admin.auth },
    body: JSON.stringify({ role, ...where }),
  });
  if (res.status !== 200) throw new Error(`appoint ${userId} as ${role}: ${res.status} ${await res.text()}`);
}

module.exports = { startStandin, signIn, appoint };
