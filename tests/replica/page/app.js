// Replica of the host's page script: Vue 3 compiled in the browser from the in-DOM template.
(function () {
  var TENANT_NAMES = { 'BELGO-001': 'Belgo Arames', 'TECH-001': 'TechCorp Solutions', 'STARTUP-001': 'StartupX', __platform__: 'Platform View' };
  window.__replicaRenders = 0;

  function authHeaders() {
    var t = localStorage.getItem('auth_token');
    return t ? { Authorization: 'Bearer ' + t } : {};
  }
  function getJson(url) {
    return fetch(url, { headers: authHeaders() }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  function readUser() {
    try { return JSON.parse(localStorage.getItem('user_data') || 'null'); } catch (e) { return null; }
  }
  function applyScheme(dark) {
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.setAttribute('data-color-scheme', dark ? 'dark' : 'light');
  }

  var app = Vue.createApp({
    data: function () {
      var user = readUser();
      return {
        isAuthenticated: !!localStorage.getItem('auth_token'),
        userName: user && user.username ? user.username : '',
        userRole: user && user.role ? user.role : '',
        tenants: [],
        currentTenant: localStorage.getItem('current_tenant') || '',
        projects: [],
        projectsError: '',
        selectedProjectId: '',
        epics: [],
        sprints: [],
        stories: [],
        showOnboarding: localStorage.getItem('onboarding-dismissed') !== 'true',
        isDark: document.documentElement.classList.contains('dark'),
        mobileMenuOpen: false,
        showShortcutModal: false,
        newStoryTitle: '',
        clicks: 0,
        hostPanel: '',
        columns: ['Backlog', 'Ready', 'In Progress', 'Review', 'Done'],
      };
    },
    computed: {
      selectedProject: function () {
        var id = this.selectedProjectId;
        return this.projects.find(function (p) { return p.project_id === id; }) || null;
      },
      tenantOptions: function () {
        var list = this.tenants.filter(function (t) { return t.tenant_id !== '__platform__'; });
        if (list.length) return list;
        var cur = this.currentTenant;
        return cur ? [{ tenant_id: cur, name: TENANT_NAMES[cur] || cur }] : [];
      },
    },
    methods: {
      loadProjects: function () {
        var self = this;
        return getJson('/api/projects').then(function (list) {
          self.projects = Array.isArray(list) ? list : (list && list.projects) || [];
          self.projectsError = '';
          var saved = localStorage.getItem('selected_project');
          if (saved === '') return; // explicitly deselected
          var pick = self.projects.find(function (p) { return p.project_id === saved; }) || self.projects[0];
          self.selectedProjectId = pick ? pick.project_id : '';
        }).catch(function () {
          self.projects = [];
          self.selectedProjectId = '';
          self.projectsError = 'Erro ao carregar projetos';
        });
      },
      loadTenants: function () {
        var self = this;
        return getJson('/api/user/tenants').then(function (r) {
          self.tenants = (r && r.tenants) || [];
          if (r && r.current && !localStorage.getItem('current_tenant')) self.currentTenant = r.current;
        }).catch(function () { self.tenants = []; });
      },
      selectProject: function (id) {
        this.selectedProjectId = id;
        this.onProjectSelect();
      },
      onProjectSelect: function () {
        localStorage.setItem('selected_project', this.selectedProjectId || '');
      },
      onTenantChange: function () {
        localStorage.setItem('current_tenant', this.currentTenant);
      },
      toggleDarkMode: function () {
        this.isDark = !this.isDark;
        applyScheme(this.isDark);
        localStorage.setItem('factory-dark-mode', this.isDark ? 'true' : 'false');
      },
      toggleMobileMenu: function () {
        this.mobileMenuOpen = !this.mobileMenuOpen;
      },
      dismissOnboarding: function () {
        this.showOnboarding = false;
        localStorage.setItem('onboarding-dismissed', 'true');
      },
      openHostPanel: function (name) {
        this.hostPanel = name;
      },
      logout: function () {
        localStorage.removeItem('auth_token');
        localStorage.removeItem('user_data');
        localStorage.removeItem('current_tenant');
        window.location.href = '/login';
      },
      onKeydown: function (e) {
        var t = e.target;
        var tag = t && t.tagName ? t.tagName.toLowerCase() : '';
        if (e.key === 'Escape') { this.showShortcutModal = false; return; }
        if (tag === 'input' || tag === 'textarea' || tag === 'select' || (t && t.isContentEditable)) return;
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        if (e.key === 'n' || e.key === 'N') {
          e.preventDefault();
          this.showShortcutModal = true;
        }
      },
    },
    mounted: function () {
      var self = this;
      document.addEventListener('keydown', this.onKeydown);
      window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function (ev) {
        if (localStorage.getItem('factory-dark-mode') === null) { self.isDark = ev.matches; applyScheme(ev.matches); }
      });
      if (this.isAuthenticated) {
        this.loadProjects();
        this.loadTenants();
      }
      if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(function () {});
    },
    updated: function () {
      window.__replicaRenders += 1;
    },
  });
  window.__replicaApp = app.mount('#app');
})();
