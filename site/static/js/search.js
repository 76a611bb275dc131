/* Brengkunst — search suggestions as you type, and a collapsible filter list on small screens.
 *
 * Progressive enhancement: the search form is a plain GET form and works without this file.
 * With it, a text field marked `data-autocomplete` becomes an ARIA 1.2 combobox with a
 * listbox popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 *   - after 2+ characters and a 150 ms pause it asks /search/autocomplete/?q=… (or /en/…);
 *   - ArrowDown/ArrowUp move the active option (aria-activedescendant; focus stays in the field);
 *   - Enter opens the active suggestion (without one, the form is submitted as usual);
 *   - Escape closes the list; Tab or leaving the field closes it too;
 *   - answers to older keystrokes are ignored (they may arrive after newer ones).
 * No framework, no build step; runs once even if the form is included more than once.
 */
(function () {
    "use strict";

    var MIN_CHARS = 2;
    var DEBOUNCE_MS = 150;
    var instance = 0;

    function autocompleteUrl(form) {
        var url = form && form.getAttribute("data-autocomplete-url");
        if (url) return url;
        var lang = (document.documentElement.lang || "nl").toLowerCase();
        return lang.indexOf("en") === 0 ? "/en/search/autocomplete/" : "/search/autocomplete/";
    }

    function readLabels(form) {
        try {
            return JSON.parse(form.getAttribute("data-kind-labels") || "{}");
        } catch (error) {
            return {};
        }
    }

    function Combobox(input) {
        this.input = input;
        this.form = input.form;
        this.url = autocompleteUrl(this.form);
        this.labels = readLabels(this.form);
        this.messages = {
            none: this.form.getAttribute("data-msg-none") || "",
            one: this.form.getAttribute("data-msg-one") || "",
            many: this.form.getAttribute("data-msg-many") || ""
        };
        this.suggestions = [];
        this.active = -1;
        this.timer = null;
        this.sequence = 0;      // number of the latest request
        this.controller = null; // aborts the previous request when the browser can
        instance += 1;
        this.listId = (input.id || "search-q" + instance) + "-suggestions";
        this.build();
        this.bind();
    }

    Combobox.prototype.build = function () {
        var input = this.input;
        var wrapper = input.parentNode;
        wrapper.classList.add("search-form__field--combobox");

        this.list = document.createElement("ul");
        this.list.id = this.listId;
        this.list.className = "search-suggest";
        this.list.setAttribute("role", "listbox");
        var label = this.form.querySelector("label[for='" + input.id + "']");
        if (label) {
            if (!label.id) label.id = input.id + "-label";
            this.list.setAttribute("aria-labelledby", label.id);
        }
        this.list.hidden = true;
        wrapper.appendChild(this.list);

        this.status = document.createElement("div");
        this.status.className = "visually-hidden";
        this.status.setAttribute("role", "status");
        this.status.setAttribute("aria-live", "polite");
        wrapper.appendChild(this.status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", this.listId);
        input.setAttribute("aria-haspopup", "listbox");
    };

    Combobox.prototype.bind = function () {
        var self = this;
        this.input.addEventListener("input", function () { self.schedule(); });
        this.input.addEventListener("keydown", function (event) { self.onKeydown(event); });
        this.input.addEventListener("blur", function () {
            // Let a click on an option land first.
            window.setTimeout(function () { self.close(); }, 150);
        });
        this.input.addEventListener("focus", function () {
            if (self.suggestions.length && self.value().length >= MIN_CHARS) self.open();
        });
        // Keep the focus in the field when an option is clicked.
        this.list.addEventListener("mousedown", function (event) { event.preventDefault(); });
        this.list.addEventListener("click", function (event) {
            var option = event.target.closest("[role='option']");
            if (option) self.go(Number(option.getAttribute("data-index")));
        });
    };

    Combobox.prototype.value = function () {
        return this.input.value.replace(/\s+/g, " ").trim();
    };

    Combobox.prototype.schedule = function () {
        var self = this;
        window.clearTimeout(this.timer);
        var text = this.value();
        if (text.length < MIN_CHARS) {
            this.sequence += 1; // anything still under way is now stale
            this.suggestions = [];
            this.close();
            return;
        }
        this.timer = window.setTimeout(function () { self.fetch(text); }, DEBOUNCE_MS);
    };

    Combobox.prototype.fetch = function (text) {
        var self = this;
        var number = ++this.sequence;
        if (this.controller) this.controller.abort();
        this.controller = typeof AbortController === "function" ? new AbortController() : null;
        var url = this.url + (this.url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(text);
        fetch(url, {
            headers: { "Accept": "application/json" },
            credentials: "same-origin",
            signal: this.controller ? this.controller.signal : undefined
        })
            .then(function (response) {
                if (!response.ok) throw new Error("HTTP " + response.status);
                return response.json();
            })
            .then(function (data) {
                // A newer keystroke asked again, or the text changed meanwhile: ignore.
                if (number !== self.sequence || self.value() !== text) return;
                self.show((data && data.suggestions) || []);
            })
            .catch(function () {
                if (number === self.sequence) self.close();
            });
    };

    Combobox.prototype.show = function (suggestions) {
        this.suggestions = suggestions.filter(function (s) { return s && s.title && s.url; });
        this.active = -1;
        this.input.removeAttribute("aria-activedescendant");
        this.list.textContent = "";
        for (var i = 0; i < this.suggestions.length; i++) {
            var suggestion = this.suggestions[i];
            var option = document.createElement("li");
            option.id = this.listId + "-" + i;
            option.className = "search-suggest__option";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("data-index", String(i));
            var title = document.createElement("span");
            title.className = "search-suggest__title";
            title.textContent = suggestion.title;
            option.appendChild(title);
            var kindLabel = this.labels[suggestion.kind] || suggestion.kind || "";
            if (kindLabel) {
                var kind = document.createElement("span");
                kind.className = "search-suggest__kind";
                kind.textContent = kindLabel;
                // Read as "Title, Story" by screen readers.
                var comma = document.createElement("span");
                comma.className = "visually-hidden";
                comma.textContent = ", ";
                option.appendChild(comma);
                option.appendChild(kind);
            }
            this.list.appendChild(option);
        }
        if (this.suggestions.length) {
            this.open();
        } else {
            this.close();
        }
        this.announce();
    };

    Combobox.prototype.announce = function () {
        var n = this.suggestions.length;
        var text = n === 0 ? this.messages.none : n === 1 ? this.messages.one : this.messages.many.replace("{count}", String(n));
        this.status.textContent = text;
    };

    Combobox.prototype.open = function () {
        if (!this.suggestions.length) return;
        this.list.hidden = false;
        this.input.setAttribute("aria-expanded", "true");
    };

    Combobox.prototype.close = function () {
        this.list.hidden = true;
        this.input.setAttribute("aria-expanded", "false");
        this.input.removeAttribute("aria-activedescendant");
        this.setActive(-1);
    };

    Combobox.prototype.isOpen = function () {
        return !this.list.hidden;
    };

    Combobox.prototype.setActive = function (index) {
        var options = this.list.querySelectorAll("[role='option']");
        this.active = index;
        for (var i = 0; i < options.length; i++) {
            var on = i === index;
            options[i].setAttribute("aria-selected", on ? "true" : "false");
            options[i].classList.toggle("is-active", on);
        }
        if (index >= 0 && options[index]) {
            this.input.setAttribute("aria-activedescendant", options[index].id);
            if (options[index].scrollIntoView) options[index].scrollIntoView({ block: "nearest" });
        } else {
            this.input.removeAttribute("aria-activedescendant");
        }
    };

    Combobox.prototype.move = function (step) {
        var n = this.suggestions.length;
        if (!n) return;
        if (!this.isOpen()) {
            this.open();
            this.setActive(step > 0 ? 0 : n - 1);
            return;
        }
        var next = this.active + step;
        if (next >= n) next = 0;
        if (next < -1) next = n - 1;
        if (next === -1) next = step > 0 ? 0 : n - 1;
        this.setActive(next);
    };

    Combobox.prototype.go = function (index) {
        var suggestion = this.suggestions[index];
        if (!suggestion) return;
        this.close();
        window.location.assign(suggestion.url);
    };

    Combobox.prototype.onKeydown = function (event) {
        if (event.isComposing) return;
        switch (event.key) {
            case "ArrowDown":
            case "Down":
                if (!this.suggestions.length) return;
                event.preventDefault();
                this.move(1);
                break;
            case "ArrowUp":
            case "Up":
                if (!this.suggestions.length) return;
                event.preventDefault();
                this.move(-1);
                break;
            case "Enter":
                if (this.isOpen() && this.active >= 0) {
                    event.preventDefault();
                    this.go(this.active);
                }
                break; // otherwise the form is submitted as usual
            case "Escape":
            case "Esc":
                if (this.isOpen()) {
                    event.preventDefault(); // do not let type=search clear the text too
                    this.close();
                }
                break;
            case "Tab":
                this.close();
                break;
            default:
                break;
        }
    };

    /* The filter list is open in the HTML (usable without JavaScript); on small screens it
       starts closed so the results come first (the selected filters are shown above the
       results anyway), and it opens again when the screen becomes wide. */
    function collapsibleFilters() {
        var nodes = document.querySelectorAll("details[data-collapse-below]");
        Array.prototype.forEach.call(nodes, function (details) {
            if (details.hasAttribute("data-collapse-ready") || !window.matchMedia) return;
            details.setAttribute("data-collapse-ready", "");
            var query = window.matchMedia("(max-width: " + details.getAttribute("data-collapse-below") + ")");
            var apply = function () {
                if (query.matches) {
                    details.classList.add("is-collapsible");
                    details.open = false;
                } else {
                    details.classList.remove("is-collapsible");
                    details.open = true;
                }
            };
            apply();
            if (query.addEventListener) {
                query.addEventListener("change", apply);
            } else if (query.addListener) {
                query.addListener(apply);
            }
        });
    }

    function init() {
        if (!window.fetch || !window.JSON) return;
        var inputs = document.querySelectorAll("input[data-autocomplete]");
        Array.prototype.forEach.call(inputs, function (input) {
            if (input.hasAttribute("data-autocomplete-ready") || !input.form) return;
            input.setAttribute("data-autocomplete-ready", "");
            new Combobox(input);
        });
        collapsibleFilters();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
