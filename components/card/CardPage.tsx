/**
 * The card page's root: shows the person the content script asks for (one `CardApp` per
 * showing, so nothing of the last person stays), follows Gmail's theme, and tells the content
 * script its height, when to close and when the person's chip needs a refresh.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CardPerson, CardTheme } from '../../lib/shared/card-channel';
import { CardApp } from './CardApp';
import { knownLookup } from './known-lookup';
import type { CardServices } from './services-type';

interface Showing {
  seq: number;
  person: CardPerson;
  theme: CardTheme;
  known?: unknown;
}

export function CardFrame({ services }: { services: CardServices }) {
  const [showing, setShowing] = useState<Showing | null>(null);
  const [interfered, setInterfered] = useState(false);
  useEffect(() => services.watchInterference?.(setInterfered), [services]);
  useEffect(
    () => services.gmail.listen((message) => setShowing(message.type === 'show' ? message : null)),
    [services],
  );
  useEffect(() => {
    document.documentElement.dataset.theme = showing?.theme ?? 'light';
  }, [showing?.theme]);

  if (!showing) return null;
  const { seq } = showing;
  const { send } = services.gmail;
  return (
    <>
      {interfered && (
        <p class="card-guard" role="alert">
          This card ignores clicks while the page around it hides, covers or changes it.
        </p>
      )}
      <CardApp
        key={seq}
        person={showing.person}
        known={knownLookup(showing.known)}
        services={services}
        onSize={(height) => send({ type: 'size', seq, height })}
        onClose={(returnFocus) => send({ type: 'close', returnFocus })}
        onChanged={() => send({ type: 'changed', seq })}
      />
    </>
  );
}
