/* Brengkunst — the recording player with its transcript.
 *
 * Progressive enhancement: the server renders the <audio>/<video> with controls, a media
 * fragment (#t=754) for deep links and clips, and the transcript as a list of links
 * (?t=12:34), so everything can be read and played without this file. With it:
 *   - choosing a line of the transcript (click, or Enter on the focused link) seeks the
 *     player there and plays, without reloading the page;
 *   - the line being spoken is marked aria-current="true" and kept in view inside the
 *     transcript's own scroll box (the page itself is never scrolled under the reader);
 *   - a deep link (?t=12:34, data-initial-start) sets the start position once the
 *     recording's metadata is known; a clip (data-clip-end) pauses at its end;
 *   - for the main player, the address bar follows the chosen line (?t=MM:SS), so it can
 *     be copied and shared.
 * No framework, no build step; each player is set up once even if the script is included
 * once per player.
 */
(function () {
    "use strict";

    function clock(seconds) {
        var total = Math.max(0, Math.floor(seconds));
        var h = Math.floor(total / 3600);
        var m = Math.floor((total % 3600) / 60);
        var s = total % 60;
        var mm = h ? String(m).padStart(2, "0") : String(m);
        return (h ? h + ":" : "") + mm + ":" + String(s).padStart(2, "0");
    }

    function setup(container) {
        if (container.hasAttribute("data-player-ready")) return;
        container.setAttribute("data-player-ready", "");
        var media = container.querySelector("audio, video");
        if (!media) return;
        var links = Array.prototype.slice.call(container.querySelectorAll(".transcript__segment[data-start]"));
        var starts = links.map(function (link) { return parseFloat(link.getAttribute("data-start")); });
        var ends = links.map(function (link) { return parseFloat(link.getAttribute("data-end")); });
        var list = container.querySelector(".transcript__list");
        var current = -1;
        var initial = parseFloat(container.getAttribute("data-initial-start"));
        var clipEnd = parseFloat(container.getAttribute("data-clip-end"));
        var deepLinks = container.hasAttribute("data-deep-links");

        links.forEach(function (link, index) {
            if (link.getAttribute("aria-current") === "true") current = index;
        });

        // The last segment starting at or before t (binary search), if t is inside it.
        function segmentAt(t) {
            var low = 0, high = starts.length - 1, found = -1;
            while (low <= high) {
                var mid = (low + high) >> 1;
                if (starts[mid] <= t + 0.001) { found = mid; low = mid + 1; } else { high = mid - 1; }
            }
            return found >= 0 && t < ends[found] ? found : -1;
        }

        function keepInView(link) {
            if (!list || list.scrollHeight <= list.clientHeight) return;
            var top = link.offsetTop - list.offsetTop;
            if (top < list.scrollTop || top + link.offsetHeight > list.scrollTop + list.clientHeight) {
                list.scrollTop = Math.max(0, top - list.clientHeight / 3);
            }
        }

        function mark(index) {
            if (index === current) return;
            if (current >= 0 && links[current]) links[current].removeAttribute("aria-current");
            current = index;
            if (index >= 0) {
                links[index].setAttribute("aria-current", "true");
                keepInView(links[index]);
            }
        }

        // True when the browser can jump to t now (a server without Range requests only
        // allows seeking within what has already been downloaded).
        function seekable(t) {
            for (var i = 0; i < media.seekable.length; i++) {
                if (media.seekable.start(i) <= t && t <= media.seekable.end(i)) return true;
            }
            return false;
        }

        // Seek to `seconds`; when that is not possible yet (no metadata, or that part of the
        // recording not seekable), try again as the recording loads, so a click is never
        // silently lost. A newer seek replaces a pending one.
        var pending = null;
        function retryPending() {
            if (pending === null) return;
            if (media.readyState >= 1 && seekable(pending)) {
                var target = pending;
                pending = null;
                media.currentTime = target;
            }
        }
        ["loadedmetadata", "progress", "canplay", "canplaythrough"].forEach(function (name) {
            media.addEventListener(name, retryPending);
        });

        function seek(seconds, play) {
            pending = null;
            try {
                media.currentTime = seconds;
            } catch (error) { /* not seekable at all yet: retried below */ }
            if (media.readyState < 1 || !seekable(seconds)) pending = seconds;
            mark(segmentAt(seconds));
            if (play) {
                var promise = media.play();
                if (promise && promise.catch) promise.catch(function () { /* autoplay refused: the position is set */ });
            }
        }

        media.addEventListener("timeupdate", function () {
            mark(segmentAt(media.currentTime));
            if (!isNaN(clipEnd) && media.currentTime >= clipEnd && !media.paused) media.pause();
        });
        media.addEventListener("seeked", function () {
            if (pending !== null && Math.abs(media.currentTime - pending) < 0.5) pending = null;
            mark(segmentAt(media.currentTime));
        });

        links.forEach(function (link, index) {
            link.addEventListener("click", function (event) {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                seek(starts[index], true);
                if (deepLinks && window.history && window.history.replaceState) {
                    var url = new URL(window.location.href);
                    url.searchParams.set("t", clock(starts[index]));
                    url.hash = "";
                    window.history.replaceState(null, "", url.toString());
                }
            });
        });

        if (!isNaN(initial)) {
            var applyInitial = function () {
                if (Math.abs(media.currentTime - initial) > 0.5) seek(initial, false);
                mark(segmentAt(initial));
            };
            if (media.readyState >= 1) applyInitial();
            else media.addEventListener("loadedmetadata", applyInitial, { once: true });
        }
        if (current >= 0) keepInView(links[current]);
    }

    function setupAll() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-player]"), setup);
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupAll);
    else setupAll();
})();
