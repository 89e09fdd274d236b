// Marks the page as scripted, so that hints about live behaviour (autosave…) show only
// when JavaScript actually runs.
document.documentElement.classList.add("js");
