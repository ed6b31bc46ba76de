import type { ComponentChildren } from 'preact';

/** A titled list on the contact card, one row per item; `empty` says so when there is none. */
export function CardSection<T extends { id: string }>(props: {
  title: string;
  empty: string;
  items: T[];
  /** Each row's key; the item's id unless said otherwise. */
  keyOf?: (item: T) => string;
  children: (item: T) => ComponentChildren;
}) {
  return (
    <section class="section" aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.items.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <ul class="list">
          {props.items.map((item) => (
            <li key={props.keyOf?.(item) ?? item.id}>{props.children(item)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
