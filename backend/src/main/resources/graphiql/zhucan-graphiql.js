// GraphiQL for Zhucan: run the login mutation once and the token it returns is kept in this
// browser and sent as "Authorization: Bearer ..." with every later request. A header set in the
// Headers tab wins over the kept token.
(function () {
    'use strict';
    var TOKEN_KEY = 'zhucan.graphiql.token';
    var endpoint = new URL('/graphql', window.location.href).toString();

    var defaultQuery = [
        '# Zhucan 助餐: run Login first. Demo accounts (demo only):',
        '#   admin, finance, operator, inspector, family; password demo1234',
        '# This page keeps the token and sends it with later requests.',
        'mutation Login {',
        '  login(input: { username: "admin", password: "demo1234" }) {',
        '    token',
        '    expiresAt',
        '    userErrors { code field message }',
        '  }',
        '}',
        '',
        'query Me {',
        '  me { username roles displayName operatorId regionId }',
        '}',
        ''
    ].join('\n');

    function hasAuthorization(headers) {
        return Object.keys(headers).some(function (name) { return name.toLowerCase() === 'authorization'; });
    }

    function fetcher(params, options) {
        var headers = Object.assign({
            'Content-Type': 'application/json',
            'Accept': 'application/graphql-response+json, application/json'
        }, (options && options.headers) || {});
        var token = window.localStorage.getItem(TOKEN_KEY);
        if (token && !hasAuthorization(headers)) {
            headers.Authorization = 'Bearer ' + token;
        }
        return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify(params) })
            .then(function (response) {
                if (response.status === 401) {
                    window.localStorage.removeItem(TOKEN_KEY);
                    return { errors: [{ message: 'The token was rejected (expired or invalid); run the login mutation again.' }] };
                }
                return response.json();
            })
            .then(function (result) {
                var login = result && result.data && result.data.login;
                if (login && login.token) {
                    window.localStorage.setItem(TOKEN_KEY, login.token);
                }
                return result;
            });
    }

    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultQuery: defaultQuery,
        defaultEditorToolsVisibility: true
    }));
})();
