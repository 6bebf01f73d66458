/** When nothing is found: the tag and part pages closest to what was typed. */
import type { Topic } from './instant.ts';
import { normalize } from './vocabulary.ts';

/**
 * Topics sharing the most Chinese characters with the query (two characters in a row count more),
 * at most `count`; none when nothing is shared.
 */
export function closestTopics(query: string, topics: Topic[], count = 4): Topic[] {
  const q = normalize(query);
  const chars = new Set([...q].filter((c) => /\p{Script=Han}/u.test(c)));
  const pairs = new Set([...q].slice(1).map((c, i) => [...q][i]! + c).filter((pair) => /\p{Script=Han}/u.test(pair)));
  const scored = topics.map((topic) => {
    const name = normalize(topic.name);
    const shared = [...new Set(name)].filter((c) => chars.has(c)).length;
    const pairScore = [...name].slice(1).filter((c, i) => pairs.has([...name][i]! + c)).length;
    return { topic, score: shared + 3 * pairScore };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((s) => s.topic);
}
