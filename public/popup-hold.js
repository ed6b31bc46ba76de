// Empty on purpose: lib/pages/popup/hold-until-ready.ts adds it to hold the popup's load event.
