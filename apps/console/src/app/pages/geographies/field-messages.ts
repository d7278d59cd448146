// The API names fields as the wire does (`around.zip_code`, `counties[1]`); on a form field the
// message reads better with the field's own label in their place, the rest of the API's words kept.

const LABELS: readonly [RegExp, (index: string | undefined) => string][] = [
  [/^(?:around\.)?zip_code/i, () => 'The centre ZIP'],
  [/^(?:around\.)?radius_miles/i, () => 'The radius'],
  [/^counties(?:\[(\d+)\])?/i, (index) => (index === undefined ? 'Counties' : `County ${Number(index) + 1}`)],
];

/** The API's messages for one field, joined, with the wire name replaced by the field's label. */
export function fieldMessage(messages: readonly string[] | undefined): string | null {
  if (!messages || messages.length === 0) return null;
  return messages
    .map((message) => {
      for (const [pattern, label] of LABELS) {
        const match = pattern.exec(message);
        if (match) return `${label(match[1])}${message.slice(match[0].length)}`;
      }
      return message;
    })
    .join(' ');
}
