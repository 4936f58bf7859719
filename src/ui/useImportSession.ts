import { useCallback, useEffect, useRef, useState } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import type { Category, ImportReport } from '../backend/wireTypes';
import type { ColumnMapping } from '../import/columnMapping';
import { detectFormat, isTabular, planFromText, readTabular, type ImportFormat, type TabularFile } from '../import/importSources';
import { readText } from '../import/readText';
import { commitImport, issuesFromRefusal, previewImport, withRefusedRows, type ImportChoices } from '../import/runImport';
import { ImportFileError, type ImportPlan, type Message, type ProgressListener } from '../import/types';
import { ApiError } from '../backend/apiError';

export type ImportPhase = Parameters<ProgressListener>[0];

export interface ImportSession {
  fileName: string | null;
  format: ImportFormat | null;
  tabular: TabularFile | null;
  mapping: ColumnMapping | null;
  /** Tabular files: the source re-imports match on, editable; null = derived from the file name. */
  sourceName: string | null;
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
  fileName: null,
  format: null,
  tabular: null,
  mapping: null,
  sourceName: null,
  plan: null,
  report: null,
  choices: {},
  busy: null,
  progress: null,
  previewMs: 0,
  problem: null,
  done: null,
};

// Let the browser paint the progress bar before a long synchronous step.
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Problems become messages the dialog can show; ApiErrors (SQL refusals) keep their i18n key. */
function asMessage(error: unknown): Message {
  if (error instanceof ImportFileError) return { key: error.key, params: error.params };
  if (error instanceof ApiError && error.kind !== 'unknown') return { key: `errors.${error.kind}` };
  return { key: 'import.file.unexpected' };
}

/**
 * The import dialog's state: read a file, guess its format and columns, build
 * the plan, ask SQL for a dry run, and write only when the user says so.
 */
export function useImportSession(api: WijkkrachtApi, categories: Category[]) {
  const [session, setSession] = useState<ImportSession>(initial);
  const textRef = useRef('');
  // Each new file, mapping or choice starts a new request; answers to older ones are dropped,
  // so a slow preview can never show (or enable writing) rows the user has since changed.
  const requestRef = useRef(0);
  const update = (changes: Partial<ImportSession>) => setSession((current) => ({ ...current, ...changes }));

  const plan = useCallback(
    async (
      format: ImportFormat,
      fileName: string,
      mapping: ColumnMapping | null,
      choices: ImportChoices,
      sourceName: string | null = null,
    ) => {
      const mine = ++requestRef.current;
      const current = (changes: Partial<ImportSession>) => {
        if (mine === requestRef.current) update(changes);
      };
      current({ busy: 'checking', progress: null, problem: null, report: null });
      // Still 'checking' until the kinds of place are known; the effect below plans then.
      if (categories.length === 0) return;
      await nextPaint();
      let built: ImportPlan;
      try {
        built = planFromText(format, textRef.current, {
          fileName,
          categories,
          mapping: mapping ?? undefined,
          sourceName: sourceName ?? undefined,
        });
      } catch (error) {
        current({ busy: null, plan: null, problem: asMessage(error) });
        return;
      }
      current({ plan: built, busy: 'preview' });
      const started = performance.now();
      // Rows SQL refuses leave the plan as errors; with "skip errors" the preview runs again without them.
      for (let attempt = 0; attempt < 3; attempt++) {
        const hasErrors = built.issues.some((issue) => issue.severity === 'error');
        if (hasErrors && !choices.skipInvalid) {
          current({ plan: built, report: null, busy: null, progress: null });
          return;
        }
        try {
          const report = await previewImport(api, built, choices, (_phase, fraction) => current({ progress: fraction }));
          current({ plan: built, report, busy: null, progress: null, previewMs: performance.now() - started });
          return;
        } catch (error) {
          const refused = issuesFromRefusal(error);
          if (refused.length === 0) {
            current({ busy: null, progress: null, problem: asMessage(error) });
            return;
          }
          built = withRefusedRows(built, refused);
        }
      }
      current({ plan: built, report: null, busy: null, progress: null });
    },
    [api, categories],
  );

  // The kinds of place come from the database (there are always some) and may arrive
  // after a file was chosen, right after start-up: plan again once they are there.
  const plannedWith = useRef(categories);
  useEffect(() => {
    if (plannedWith.current === categories) return;
    plannedWith.current = categories;
    if (!session.fileName || !session.format || session.done || session.busy === 'writing') return;
    void plan(session.format, session.fileName, session.mapping, session.choices, session.sourceName);
  }, [
    categories,
    plan,
    session.fileName,
    session.format,
    session.mapping,
    session.choices,
    session.sourceName,
    session.done,
    session.busy,
  ]);

  const openFile = useCallback(
    async (file: File) => {
      const mine = ++requestRef.current;
      setSession({ ...initial, fileName: file.name, busy: 'reading' });
      try {
        const text = await readText(new Uint8Array(await file.arrayBuffer()));
        if (mine !== requestRef.current) return;
        textRef.current = text;
        const format = detectFormat(file.name, text);
        const tabular = isTabular(format) ? readTabular(format, text) : null;
        update({ format, tabular, mapping: tabular?.mapping ?? null });
        await plan(format, file.name, tabular?.mapping ?? null, {});
      } catch (error) {
        if (mine === requestRef.current) update({ busy: null, problem: asMessage(error) });
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
        await plan(format, session.fileName, tabular?.mapping ?? null, session.choices, session.sourceName);
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
      await plan(session.format, session.fileName, mapping, session.choices, session.sourceName);
    },
    [plan, session.fileName, session.format, session.choices, session.sourceName],
  );

  const changeChoices = useCallback(
    async (changes: ImportChoices) => {
      if (!session.fileName || !session.format) return;
      const choices = { ...session.choices, ...changes };
      update({ choices });
      await plan(session.format, session.fileName, session.mapping, choices, session.sourceName);
    },
    [plan, session.fileName, session.format, session.mapping, session.choices, session.sourceName],
  );

  const changeSourceName = useCallback(
    async (sourceName: string) => {
      if (!session.fileName || !session.format) return;
      update({ sourceName });
      await plan(session.format, session.fileName, session.mapping, session.choices, sourceName);
    },
    [plan, session.fileName, session.format, session.mapping, session.choices],
  );

  const commit = useCallback(async (): Promise<ImportReport | null> => {
    if (!session.plan) return null;
    const mine = ++requestRef.current;
    update({ busy: 'writing', progress: 0, problem: null });
    // One atomic call cannot report progress; the dry run took about as long, so estimate from it.
    const started = performance.now();
    const timer = setInterval(() => {
      update({ progress: Math.min(0.95, (performance.now() - started) / Math.max(session.previewMs, 1)) });
    }, 250);
    try {
      const report = await commitImport(api, session.plan, session.choices);
      if (mine === requestRef.current) update({ busy: null, progress: null, done: report });
      return report;
    } catch (error) {
      const refused = issuesFromRefusal(error);
      if (refused.length > 0) update({ busy: null, progress: null, report: null, plan: withRefusedRows(session.plan, refused) });
      else update({ busy: null, progress: null, problem: asMessage(error) });
      return null;
    } finally {
      clearInterval(timer);
    }
  }, [api, session.plan, session.choices, session.previewMs]);

  return { session, openFile, changeFormat, changeMapping, changeChoices, changeSourceName, commit, reset: () => setSession(initial) };
}
