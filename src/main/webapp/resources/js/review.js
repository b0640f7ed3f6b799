/*
 * Review screen: selecting words in an answer fills the comment form with the passage, which answer it is in, and
 * where it starts and ends in the answer's text. Offsets count characters of the answer as written (marks around
 * earlier comments add no text), so the server can check that the quote is exactly what stands there.
 * Without a mouse, the tutor types or pastes the words into the form instead; the server then finds them.
 */
(function () {
    "use strict";
    var form = document.getElementById("comment");
    if (!form) {
        return;
    }
    var quote = document.getElementById("comment:quote");
    var start = document.getElementById("comment:start");
    var end = document.getElementById("comment:end");
    var prompt = document.getElementById("comment:prompt");
    var text = document.getElementById("comment:text");

    function offsetWithin(container, node, offset) {
        var range = document.createRange();
        range.setStart(container, 0);
        range.setEnd(node, offset);
        return range.toString().length;
    }

    function capture() {
        var selection = window.getSelection();
        if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
            return;
        }
        var range = selection.getRangeAt(0);
        var container = range.commonAncestorContainer;
        while (container && !(container.nodeType === 1 && container.hasAttribute("data-prompt"))) {
            container = container.parentNode;
        }
        if (!container || !container.classList.contains("selectable")) {
            return;
        }
        var from = offsetWithin(container, range.startContainer, range.startOffset);
        var to = offsetWithin(container, range.endContainer, range.endOffset);
        var words = container.textContent.substring(from, to);
        if (words.trim().length === 0) {
            return;
        }
        quote.value = words;
        start.value = String(from);
        end.value = String(to);
        prompt.value = container.getAttribute("data-prompt");
    }

    document.addEventListener("mouseup", capture);
    document.addEventListener("keyup", function (e) {
        if (e.shiftKey) {
            capture();
        }
    });
    // Typing in the passage field means the words were not selected: let the server find them.
    quote.addEventListener("input", function () {
        start.value = "-1";
        end.value = "-1";
    });
    text.addEventListener("focus", capture);
})();
