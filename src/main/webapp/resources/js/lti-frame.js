/*
 * A launch inside the learning platform's frame: if the browser kept our session cookie, go on to the module;
 * if it refused it (third-party cookies blocked), say so and leave the "open in a new window" link.
 */
(function () {
    "use strict";
    var box = document.getElementById("lti-frame");
    if (!box) {
        return;
    }
    fetch(box.getAttribute("data-check"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) {
            if (response.ok) {
                window.location.replace(box.getAttribute("data-target"));
            } else {
                document.getElementById("lti-frame-status").hidden = true;
                document.getElementById("lti-frame-blocked").hidden = false;
            }
        })
        .catch(function () {
            document.getElementById("lti-frame-status").hidden = true;
            document.getElementById("lti-frame-blocked").hidden = false;
        });
})();
