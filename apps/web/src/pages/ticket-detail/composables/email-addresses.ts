/** Roughly what the API's IsEmail takes: something@domain.tld without spaces. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}

/** Addresses typed or pasted: separated by commas, semicolons or spaces, `Name <a@b.pl>` taken as `a@b.pl`. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .flatMap((part) => {
      const named = part.match(/<([^>]+)>/);
      return named ? [named[1]!.trim()] : part.split(/\s+/);
    })
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The list with `more` added, each address once (compared without case), `except` left out. */
export function mergeAddresses(list: readonly string[], more: readonly string[], except: readonly string[] = []): string[] {
  const seen = new Set([...list, ...except].map((a) => a.toLowerCase()));
  const added = more.filter((a) => {
    const key = a.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...list, ...added];
}
