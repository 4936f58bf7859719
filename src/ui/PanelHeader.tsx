/** A side panel's title and its close button (a word, so it reads the same in every panel). */
export function PanelHeader({
  titleId,
  title,
  closeLabel,
  onClose,
}: {
  titleId: string;
  title: string;
  closeLabel: string;
  onClose(): void;
}) {
  return (
    <header className="panel-header">
      <h2 id={titleId}>{title}</h2>
      <button type="button" onClick={onClose}>
        {closeLabel}
      </button>
    </header>
  );
}
