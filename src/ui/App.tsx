import { useBackend } from './useBackend';
import { StartScreen } from './StartScreen';
import { Workspace } from './Workspace';

export function App() {
  const { state, retry } = useBackend();
  if (state.status !== 'ready') return <StartScreen state={state} onRetry={retry} />;
  return <Workspace backend={state.backend} />;
}
