/**
 * A side panel's title and its close button (a word, so it reads the same in every panel);
 * `section`: of a part that opens inside a panel (the planner's comparison, over time, own groups).
 */
export function PanelHeader({
  titleId,
  title,
  closeLabel,
  onClose,
  section = false,
}: {
  titleId: string;
  title: string;
  closeLabel: string;
  onClose(): void;
  section?: boolean;
}) {
  const Heading = section ? 'h3' : 'h2';
  const Wrapper = section ? 'div' : 'header';
  return (
    <Wrapper className={section ? 'comparison-header' : 'panel-header'}>
      <Heading id={titleId}>{title}</Heading>
      <button type="button" onClick={onClose}>
        {closeLabel}
      </button>
    </Wrapper>
  );
}
