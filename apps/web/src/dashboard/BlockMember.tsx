import { useEffect, useRef } from 'react';
import { useMutation } from 'urql';
import { errorSentence } from '../api/errors';
import { BlockMemberDocument } from './dashboard.documents';

interface Props {
  memberId: string;
  name: string;
  onBlocked(): void;
  onCancel(): void;
}

/**
 * Confirms before blocking: the API has no unblock, and a block stops future requests only
 * (the marketplace leaves pending ones as they are, so the mentor still answers this one).
 */
export function BlockMember({ memberId, name, onBlocked, onCancel }: Props) {
  const [{ fetching, error }, block] = useMutation(BlockMemberDocument);
  const problem = errorSentence(error);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  const confirm = async () => {
    const result = await block({ memberId });
    if (result.data?.blockMember) onBlocked();
  };

  return (
    <div className="pending__panel" role="group" aria-labelledby={`block-${memberId}`} tabIndex={-1} ref={panel}>
      <p id={`block-${memberId}`}>
        <strong>Block {name}?</strong>
      </p>
      <p className="small">
        {name} will not be able to send you requests any more; they are told you are not taking requests from them. This request stays until you
        decline it or it expires. You cannot undo a block in Payforward yet.
      </p>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={fetching}>
          {fetching ? 'Blocking…' : `Block ${name}`}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
