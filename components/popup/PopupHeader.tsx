import { OpenPanelButton } from '../common/OpenPanelButton';
import { VivreMark } from '../common/VivreMark';

/** The mark, what this is, which workspace it logs to, the way to the panel and to Options. */
export function PopupHeader({
  title = 'Log to Vivre',
  workspace,
  openOptions,
  openPanel,
}: {
  /** What this page is; the popup's own unless said. */
  title?: string;
  workspace: string | null;
  openOptions: () => void;
  /** Absent where the browser has no panel to open. */
  openPanel?: (() => Promise<boolean>) | undefined;
}) {
  return (
    <header class="top">
      <VivreMark size={24} />
      <div class="title">
        <h1>{title}</h1>
        {workspace ? <p class="workspace">{workspace}</p> : null}
      </div>
      {openPanel ? <OpenPanelButton className="text" open={openPanel} /> : null}
      <button type="button" class="icon" onClick={openOptions} aria-label="Options" title="Options">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M19.14 12.94a7.1 7.1 0 0 0 .05-.94 7.1 7.1 0 0 0-.05-.94l2.03-1.58a.5.5 0 0 0 .12-.64l-1.92-3.32a.5.5 0 0 0-.6-.22l-2.39.96a7 7 0 0 0-1.62-.94l-.36-2.54a.5.5 0 0 0-.5-.42h-3.84a.5.5 0 0 0-.49.42l-.36 2.54a7.4 7.4 0 0 0-1.62.94l-2.39-.96a.5.5 0 0 0-.6.22L2.68 8.84a.5.5 0 0 0 .12.64l2.03 1.58a7.4 7.4 0 0 0 0 1.88l-2.03 1.58a.5.5 0 0 0-.12.64l1.92 3.32c.13.22.39.3.6.22l2.39-.96c.5.38 1.04.7 1.62.94l.36 2.54c.05.24.25.42.49.42h3.84c.24 0 .45-.18.49-.42l.36-2.54a7 7 0 0 0 1.62-.94l2.39.96c.22.08.47 0 .6-.22l1.92-3.32a.5.5 0 0 0-.12-.64zM12 15.6A3.6 3.6 0 1 1 12 8.4a3.6 3.6 0 0 1 0 7.2z"
          />
        </svg>
      </button>
    </header>
  );
}
