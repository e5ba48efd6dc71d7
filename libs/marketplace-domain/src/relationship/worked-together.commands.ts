/** The mentor states they worked with the seeker (stream `worked-together-<mentorId>-<seekerId>`). */
export interface AttestWorkedTogether {
  type: 'AttestWorkedTogether';
  /** `mentorId` is the signed-in member; `seekerId` is the `memberId` argument. */
  data: { mentorId: string; seekerId: string; context: string; now: Date };
}

/** The seeker confirms the mentor's attestation; only then does it count as evidence. */
export interface ConfirmWorkedTogether {
  type: 'ConfirmWorkedTogether';
  /** `seekerId` is the signed-in member; `mentorId` is the argument. */
  data: { mentorId: string; seekerId: string; now: Date };
}

export type WorkedTogetherCommand = AttestWorkedTogether | ConfirmWorkedTogether;
