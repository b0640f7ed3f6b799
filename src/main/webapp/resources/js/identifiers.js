/*
 * Anonymisation check for a free-text editor, self-contained: every element with class "identifier-check" and a
 * data-for attribute (the id of a textarea) is bound to that textarea. Include WEB-INF/includes/identifier-check.xhtml
 * (which writes the element with its texts) and this script; nothing else is needed.
 * - The text is sent to the server's rules (POST, JSON, same origin) when typing pauses and on "Check now"; the rules
 *   live only on the server.
 * - Each likely identifier is listed with its words and three buttons: show it in the text, replace it with the
 *   suggested placeholder, or keep it. The writer decides; nothing is ever blocked.
 * - Replacing edits the textarea and fires its "input" event, so the editor's own autosave keeps the change exactly
 *   as if it had been typed.
 * - Changes in the number of flags, and each replacement, are announced through a polite live region.
 */
(function () {
    "use strict";
    var DEBOUNCE_MS = 1200;

    function format(pattern) {
        var args = Array.prototype.slice.call(arguments, 1);
        return pattern.replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : args[i]; });
    }

    /* DATE_OF_BIRTH -> DateOfBirth, as data-*-date-of-birth attributes appear in dataset. */
    function camel(kind) {
        return kind.toLowerCase().split("_").map(function (w) {
            return w.charAt(0).toUpperCase() + w.slice(1);
        }).join("");
    }

    function Checker(box) {
        this.box = box;
        this.ta = document.getElementById(box.dataset.for);
        this.api = box.dataset.api;
        this.list = box.querySelector(".identifier-flags");
        this.summary = box.querySelector(".identifier-summary");
        this.kept = {};
        this.flags = [];
        this.sequence = 0;
        this.timer = null;
        this.lastCount = -1;
        var self = this;
        this.ta.addEventListener("input", function () {
            if (self.replacing) {
                return;
            }
            clearTimeout(self.timer);
            self.timer = setTimeout(function () { self.check(); }, DEBOUNCE_MS);
        });
        box.querySelector(".identifier-check-now").addEventListener("click", function () {
            self.lastCount = -1;
            self.check();
        });
        if (this.ta.value.trim()) {
            this.check();
        }
    }

    Checker.prototype.msg = function (name) {
        return this.box.dataset["msg" + name.charAt(0).toUpperCase() + name.slice(1)] || name;
    };

    Checker.prototype.replacement = function (kind) {
        return this.box.dataset["replace" + camel(kind)] || "[…]";
    };

    Checker.prototype.label = function (kind) {
        return this.box.dataset["label" + camel(kind)] || kind;
    };

    Checker.prototype.announce = function (text) {
        this.summary.textContent = text;
    };

    Checker.prototype.check = function () {
        var self = this;
        var text = this.ta.value;
        var mine = ++this.sequence;
        return fetch(this.api, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "Accept": "application/json" },
            body: JSON.stringify({ text: text })
        }).then(function (response) {
            if (!response.ok) {
                throw new Error("status " + response.status);
            }
            return response.json();
        }).then(function (body) {
            if (mine !== self.sequence || self.ta.value !== text) {
                return; /* The text moved on; a newer check follows. */
            }
            self.flags = body.identifiers.filter(function (f) { return !self.kept[f.kind + "\u0000" + f.text]; });
            self.render();
        }).catch(function () {
            if (mine === self.sequence) {
                self.announce(self.msg("unavailable"));
            }
        });
    };

    Checker.prototype.render = function () {
        var self = this;
        this.list.textContent = "";
        this.flags.forEach(function (flag, index) {
            var li = document.createElement("li");
            li.className = "identifier-flag";
            li.dataset.kind = flag.kind;
            var kind = document.createElement("span");
            kind.className = "identifier-kind";
            kind.textContent = self.label(flag.kind) + ": ";
            var words = document.createElement("q");
            words.className = "identifier-words";
            words.textContent = flag.text;
            li.appendChild(kind);
            li.appendChild(words);
            var actions = document.createElement("span");
            actions.className = "identifier-actions";
            actions.appendChild(self.button("identifier-show", self.msg("show"),
                format(self.msg("showLabel"), flag.text), function () { self.show(flag); }));
            actions.appendChild(self.button("identifier-accept", format(self.msg("replace"), self.replacement(flag.kind)),
                format(self.msg("replaceLabel"), flag.text, self.replacement(flag.kind)),
                function () { self.accept(index); }));
            actions.appendChild(self.button("identifier-keep", self.msg("keep"),
                format(self.msg("keepLabel"), flag.text), function () { self.keep(index); }));
            li.appendChild(actions);
            self.list.appendChild(li);
        });
        this.list.hidden = this.flags.length === 0;
        if (this.flags.length !== this.lastCount) {
            this.announce(this.flags.length === 0 ? this.msg("none") : format(this.msg("found"), this.flags.length));
            this.lastCount = this.flags.length;
        }
    };

    Checker.prototype.button = function (cls, text, label, action) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = cls;
        b.textContent = text;
        b.setAttribute("aria-label", label);
        b.addEventListener("click", action);
        return b;
    };

    /* Where the flagged words are now: at their offsets if unchanged, else their nearest occurrence. */
    Checker.prototype.locate = function (flag) {
        var value = this.ta.value;
        if (value.substring(flag.start, flag.end) === flag.text) {
            return flag.start;
        }
        var best = -1;
        var at = value.indexOf(flag.text);
        while (at >= 0) {
            if (best < 0 || Math.abs(at - flag.start) < Math.abs(best - flag.start)) {
                best = at;
            }
            at = value.indexOf(flag.text, at + 1);
        }
        return best;
    };

    Checker.prototype.show = function (flag) {
        var at = this.locate(flag);
        this.ta.focus();
        if (at >= 0) {
            this.ta.setSelectionRange(at, at + flag.text.length);
        }
    };

    Checker.prototype.accept = function (index) {
        var flag = this.flags[index];
        var at = this.locate(flag);
        var replacement = this.replacement(flag.kind);
        if (at >= 0) {
            var value = this.ta.value;
            this.ta.value = value.substring(0, at) + replacement + value.substring(at + flag.text.length);
            var shift = replacement.length - flag.text.length;
            this.flags.forEach(function (f) {
                if (f.start > at) {
                    f.start += shift;
                    f.end += shift;
                }
            });
            /* The editor's autosave listens to "input": the replacement is saved as typed text is. */
            this.replacing = true;
            this.ta.dispatchEvent(new Event("input", { bubbles: true }));
            this.replacing = false;
        }
        this.remove(index, format(this.msg("replaced"), flag.text, replacement));
    };

    Checker.prototype.keep = function (index) {
        var flag = this.flags[index];
        this.kept[flag.kind + "\u0000" + flag.text] = true;
        this.remove(index, format(this.msg("kept"), flag.text));
    };

    /* Drops a decided flag, says what happened, and moves focus to the next decision (or back to the text). */
    Checker.prototype.remove = function (index, said) {
        this.flags.splice(index, 1);
        this.lastCount = this.flags.length;
        this.render();
        this.announce(said + " " + (this.flags.length === 0 ? this.msg("none")
            : format(this.msg("found"), this.flags.length)));
        var next = this.list.querySelectorAll(".identifier-accept")[Math.min(index, this.flags.length - 1)];
        (next || this.ta).focus();
    };

    Array.prototype.forEach.call(document.querySelectorAll(".identifier-check[data-for]"), function (box) {
        if (document.getElementById(box.dataset.for)) {
            box.checker = new Checker(box);
        }
    });
})();
