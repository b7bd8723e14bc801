// The host's login page: POST /api/v1/auth/login, store auth_token / user_data / current_tenant.
(function () {
  var form = document.getElementById('login-form');
  var err = document.getElementById('login-error');
  var btn = document.getElementById('login-btn');
  function showError(msg) {
    err.textContent = msg;
    err.hidden = false;
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    err.hidden = true;
    btn.disabled = true;
    var body = { username: document.getElementById('username').value, password: document.getElementById('password').value };
    fetch('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (data) { return { ok: r.ok, status: r.status, data: data }; });
      })
      .then(function (res) {
        if (!res.ok || !res.data.access_token) {
          var d = res.data && res.data.detail;
          throw new Error(typeof d === 'string' ? d : 'Erro ao entrar (HTTP ' + res.status + ')');
        }
        var token = res.data.access_token;
        localStorage.setItem('auth_token', token);
        localStorage.setItem('user_data', JSON.stringify(res.data.user || {}));
        // The person's tenant: first membership the server lists; BELGO-001 when it cannot list them.
        return fetch('/api/user/tenants', { headers: { Authorization: 'Bearer ' + token } })
          .then(function (r) { return r.ok ? r.json() : null; })
          .catch(function () { return null; })
          .then(function (t) {
            var list = (t && t.tenants ? t.tenants : []).filter(function (x) { return x.tenant_id !== '__platform__'; });
            var tenant = (t && t.current) || (list[0] && list[0].tenant_id) || 'BELGO-001';
            localStorage.setItem('current_tenant', tenant);
            window.location.href = '/';
          });
      })
      .catch(function (e) {
        showError(e.message);
      })
      .then(function () { btn.disabled = false; });
  });
})();
