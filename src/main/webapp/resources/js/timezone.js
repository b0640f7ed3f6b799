// Fills every hidden field marked data-timezone with the browser's IANA time zone (e.g. America/Sao_Paulo), so
// that the server shows times in the reader's own zone. Without script nothing is sent and times stay in UTC.
(function () {
    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        return;
    }
    if (!zone) {
        return;
    }
    document.querySelectorAll('input[data-timezone]').forEach(function (input) {
        if (!input.value) {
            input.value = zone;
        }
    });
    document.querySelectorAll('[data-browser-zone]').forEach(function (el) {
        el.textContent = zone;
    });
})();
