/** The options of a select: each choice, shown as its word. */
export function Choices<T extends string>({
  choices,
  words,
}: {
  choices: readonly T[];
  words: Record<T, string>;
}) {
  return (
    <>
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {words[choice]}
        </option>
      ))}
    </>
  );
}
