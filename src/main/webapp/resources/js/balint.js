/*
 * A Balint session's page, live: the server's WebSocket says only "something new in this session"; the page then
 * asks the API for what this reader may see and adds the posts it does not show yet. A new phase (or the close)
 * is announced with a link to reload, so nobody's half-written text is swept away. Without WebSocket or script,
 * the reload link and a plain reload show the same.
 */
(function () {
    "use strict";
    var root = document.getElementById("balint-session");
    if (!root || !window.WebSocket || !window.fetch) {
        return;
    }
    var list = document.getElementById("post-list");
    var status = document.getElementById("live-status");
    var phase = root.dataset.phase;
    var closed = root.dataset.closed === "true";
    var retries = 0;

    function msg(name) {
        return root.dataset["msg" + name.charAt(0).toUpperCase() + name.slice(1)] || name;
    }

    function when(iso) {
        return new Date(iso).toLocaleString(document.documentElement.lang || [], { dateStyle: "medium", timeStyle: "short" });
    }

    function render(post) {
        var li = document.createElement("li");
        li.id = "post-" + post.id;
        li.dataset.post = post.id;
        li.className = "post phase-" + post.phaseNumber + (post.closing ? " closing" : "")
            + (post.hidden ? " hidden-post" : "") + (post.mine ? " mine" : "") + " arrived";
        var meta = document.createElement("p");
        meta.className = "post-meta";
        var author = document.createElement("span");
        author.className = "post-author";
        author.textContent = post.formerMember ? msg("former") : post.author;
        var ph = document.createElement("span");
        ph.className = "post-phase";
        ph.textContent = post.closing ? msg("closing") : msg("phase" + post.phaseNumber);
        var time = document.createElement("span");
        time.className = "post-time";
        time.textContent = when(post.createdAt);
        meta.appendChild(author);
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(ph);
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(time);
        li.appendChild(meta);
        if (post.hidden) {
            var notice = document.createElement("p");
            notice.className = "post-hidden-notice";
            notice.textContent = msg("hidden");
            li.appendChild(notice);
        }
        if (post.text) {
            var text = document.createElement("div");
            text.className = "post-text";
            text.textContent = post.text;
            li.appendChild(text);
        }
        return li;
    }

    function announce() {
        status.textContent = msg("moved") + " ";
        var a = document.createElement("a");
        a.href = window.location.href;
        a.id = "live-reload";
        a.textContent = msg("reload");
        status.appendChild(a);
        status.hidden = false;
    }

    function refresh() {
        fetch(root.dataset.api, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            }).then(function (session) {
                session.posts.forEach(function (post) {
                    if (!document.getElementById("post-" + post.id)) {
                        list.appendChild(render(post));
                    }
                });
                var none = document.getElementById("no-posts");
                if (none && session.posts.length) {
                    none.hidden = true;
                }
                if (session.phase !== phase || session.closed !== closed) {
                    announce();
                }
            }).catch(function () {
                /* Gone (left the group, signed out): the next reload says why. */
            });
    }

    function connect() {
        var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host
            + root.dataset.socket);
        socket.onopen = function () {
            retries = 0;
            root.dataset.live = "true";
        };
        socket.onmessage = function (event) {
            var data = {};
            try {
                data = JSON.parse(event.data);
            } catch (e) {
                return;
            }
            if (data.type === "presenter") {
                announce();
            } else {
                refresh();
            }
        };
        socket.onclose = function (event) {
            root.dataset.live = "false";
            /* 1008: the server refused (not, or no longer, in this group): do not knock again. */
            if (event.code !== 1008 && retries < 6) {
                retries++;
                setTimeout(function () { connect(); refresh(); }, 1000 * Math.pow(2, retries));
            }
        };
    }

    connect();
})();
