import { useCallback, useRef, useState } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import type { Category, ImportReport } from '../domain/types';
import type { ColumnMapping } from '../import/columnMapping';
import { detectFormat, isTabular, planFromText, readTabular, type ImportFormat, type TabularFile } from '../import/importSources';
import { readText } from '../import/readText';
import { commitImport, issuesFromRefusal, previewImport, type ImportChoices } from '../import/runImport';
import { ImportFileError, type ImportPlan, type Message, type ProgressListener } from '../import/types';
import { ApiError } from '../backend/apiError';

export type ImportPhase = Parameters<ProgressListener>[0];

export interface ImportSession {
  fileName: string | null;
  format: ImportFormat | null;
  tabular: TabularFile | null;
  mapping: ColumnMapping | null;
  plan: ImportPlan | null;
  report: ImportReport | null;
  choices: ImportChoices;
  /** The step under way, for the progress bar; null when waiting for the user. */
  busy: ImportPhase | null;
  /** How far that step is, 0..1; null when it cannot be told (one atomic write). */
  progress: number | null;
  /** How long the preview took, to estimate the write (it does the same work). */
  previewMs: number;
  /** A problem with the whole file or the write, as a message. */
  problem: Message | null;
  done: ImportReport | null;
}

const initial: ImportSession = {
  fileName: null, format: null, tabular: null, mapping: null, plan: null, report: null,
  choices: {}, busy: null, progress: null, previewMs: 0, problem: null, done: null,
};

// Let the browser paint the progress bar before a long synchronous step.
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Problems become messages the dialog can show; ApiErrors (SQL refusals) keep their i18n key. */
function asMessage(error: unknown): Message {
  if (error instanceof ImportFileError) return { key: error.key, params: error.params };
  if (error instanceof ApiError) return { key: error.kind === 'forbidden' ? 'errors.forbidden' : `errors.${error.kind}` };
  return { key: 'errors.unknown' };
}

/**
 * The import dialog's state: read a file, guess its format and columns, build
 * the plan, ask SQL for a dry run, and write only when the user says so.
 */
export function useImportSession(api: WijkkrachtApi, categories: Category[]) {
  const [session, setSession] = useState<ImportSession>(initial);
  const textRef = useRef('');
  const update = (changes: Partial<ImportSession>) => setSession((current) => ({ ...current, ...changes }));

  const plan = useCallback(
    async (format: ImportFormat, fileName: string, mapping: ColumnMapping | null, choices: ImportChoices) => {
      update({ busy: 'checking', progress: null, problem: null, report: null });
      await nextPaint();
      let built: ImportPlan;
      try {
        built = planFromText(format, textRef.current, { fileName, categories, mapping: mapping ?? undefined });
      } catch (error) {
        update({ busy: null, plan: null, problem: asMessage(error) });
        return;
      }
      update({ plan: built, busy: 'preview' });
      try {
        const hasErrors = built.issues.some((issue) => issue.severity === 'error');
        // With errors and no choice to skip them, the dry run would refuse; show the checks' answer alone.
        const started = performance.now();
        const report =
          hasErrors && !choices.skipInvalid
            ? null
            : await previewImport(api, built, choices, (_phase, fraction) => update({ progress: fraction }));
        update({ report, busy: null, progress: null, previewMs: performance.now() - started });
      } catch (error) {
        const refused = issuesFromRefusal(error);
        if (refused.length > 0) update({ plan: { ...built, issues: [...built.issues, ...refused] }, busy: null });
        else update({ busy: null, problem: asMessage(error) });
      }
    },
    [api, categories],
  );

  const openFile = useCallback(
    async (file: File) => {
      setSession({ ...initial, fileName: file.name, busy: 'reading' });
      try {
        const text = await readText(new Uint8Array(await file.arrayBuffer()));
        textRef.current = text;
        const format = detectFormat(file.name, text);
        const tabular = isTabular(format) ? readTabular(format, text) : null;
        update({ format, tabular, mapping: tabular?.mapping ?? null });
        await plan(format, file.name, tabular?.mapping ?? null, {});
      } catch (error) {
        update({ busy: null, problem: asMessage(error) });
      }
    },
    [plan],
  );

  const changeFormat = useCallback(
    async (format: ImportFormat) => {
      if (!session.fileName) return;
      try {
        const tabular = isTabular(format) ? readTabular(format, textRef.current) : null;
        update({ format, tabular, mapping: tabular?.mapping ?? null });
        await plan(format, session.fileName, tabular?.mapping ?? null, session.choices);
      } catch (error) {
        update({ busy: null, plan: null, problem: asMessage(error) });
      }
    },
    [plan, session.fileName, session.choices],
  );

  const changeMapping = useCallback(
    async (mapping: ColumnMapping) => {
      if (!session.fileName || !session.format) return;
      update({ mapping });
      await plan(session.format, session.fileName, mapping, session.choices);
    },
    [plan, session.fileName, session.format, session.choices],
  );

  const changeChoices = useCallback(
    async (changes: ImportChoices) => {
      if (!session.fileName || !session.format) return;
      const choices = { ...session.choices, ...changes };
      update({ choices });
      await plan(session.format, session.fileName, session.mapping, choices);
    },
    [plan, session.fileName, session.format, session.mapping, session.choices],
  );

  const commit = useCallback(async (): Promise<ImportReport | null> => {
    if (!session.plan) return null;
    update({ busy: 'writing', progress: 0, problem: null });
    // One atomic call cannot report progress; the dry run took about as long, so estimate from it.
    const started = performance.now();
    const timer = setInterval(() => {
      update({ progress: Math.min(0.95, (performance.now() - started) / Math.max(session.previewMs, 1)) });
    }, 250);
    try {
      const report = await commitImport(api, session.plan, session.choices);
      update({ busy: null, progress: null, done: report });
      return report;
    } catch (error) {
      const refused = issuesFromRefusal(error);
      if (refused.length > 0) update({ busy: null, plan: { ...session.plan, issues: [...session.plan.issues, ...refused] } });
      else update({ busy: null, problem: asMessage(error) });
      return null;
    } finally {
      clearInterval(timer);
    }
  }, [api, session.plan, session.choices, session.previewMs]);

  return { session, openFile, changeFormat, changeMapping, changeChoices, commit, reset: () => setSession(initial) };
}
