export { parseChallenges, parseChallengesDetailed, serializeChallenges } from './parse-challenges.js';
export { decodeClaimsChallenge } from './claims.js';
export type { Challenge, ChallengeField, ChallengeResult, DetailedChallenge, DetailedChallengeResult, ParseChallengesOptions, Span } from './types.js';
