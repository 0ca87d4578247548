// Peerdesk front desk: taps that wait in line and are never dropped (issue 12).
(function () {
  "use strict";
})();
