import { useState } from "preact/hooks";
import { CommissionVoteBody } from "../../../../functions/api/schemas/attestation.ts";
import { api, ApiError } from "../../api/client.ts";
import type { Page as ApiPage } from "../../api/types.ts";
import { href, type PageProps } from "../../app/router.tsx";
import { useLanguage, useT } from "../../i18n/index.ts";
import { Choices } from "../../ui/Choices.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Field } from "../../ui/Field.tsx";
import { useFieldErrors } from "../../ui/forms.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { SubmitRow } from "../../ui/SubmitRow.tsx";
import { useApi } from "../../ui/useApi.ts";
import { ProposalFacts } from "./ProposalFacts.tsx";
import type { OpenVote } from "./types.ts";
import { isTie, previewVote, quorumFor, voteBody, type VoteBody, type VoteForm } from "./vote.ts";

type Recorded = { accepted: boolean };

/**
 * The chair records the commission's vote on one proposal. The counts are checked as they are typed with
 * the API's own rule; the vote is sent after a confirmation; a refusal (no quorum, …) reads in the user's
 * language whether it comes from that check or from the API.
 */
export default function RecordVote({ params }: PageProps) {
  const t = useT();
  const id = params.id ?? "";
  const votes = useApi<ApiPage<OpenVote>>("/me/votes", { limit: 100 });
  const vote = votes.data?.items.find((item) => item.attestationId === id);
  const [recorded, setRecorded] = useState<Recorded & { round?: string }>();
  const [conflict, setConflict] = useState(false);

  return (
    <Page title={t("chair:vote.title", { ref: id })} actions={<a href={href("/chair/votes")}>{t("chair:vote.back")}</a>}>
      {!votes.data && votes.loading && <Loading />}
      <ErrorNotice error={votes.error} onRetry={votes.reload} />
      {recorded ? (
        <div class={recorded.accepted ? "notice ok" : "notice warn"} role="status">
          <p class="notice-title">{t(recorded.accepted ? "chair:vote.recordedAccepted" : "chair:vote.recordedRejected")}</p>
          {!recorded.accepted && recorded.round && recorded.round !== "appeal" && <p>{t(`chair:vote.rejectedNext.${recorded.round}`)}</p>}
        </div>
      ) : conflict ? (
        <p class="notice warn" role="status">
          {t("chair:vote.alreadyDecided")}
        </p>
      ) : (
        votes.data &&
        (vote ? (
          <>
            <ProposalFacts vote={vote} />
            <VoteFormView vote={vote} onRecorded={(result) => setRecorded({ ...result, ...(vote.proposal.round ? { round: vote.proposal.round } : {}) })} onConflict={() => setConflict(true)} />
          </>
        ) : (
          <p class="notice">{t("chair:vote.notFound")}</p>
        ))
      )}
    </Page>
  );
}

function VoteFormView({ vote, onRecorded, onConflict }: { vote: OpenVote; onRecorded: (result: Recorded) => void; onConflict: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const [form, setForm] = useState<VoteForm>({ present: "", for: "", against: "", chairVote: "" });
  const [attempted, setAttempted] = useState(false);
  const [confirming, setConfirming] = useState<VoteBody>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, validate } = useFieldErrors();
  const members = vote.commission.votingMembers;
  const set = (key: keyof VoteForm, value: string) => setForm((previous) => ({ ...previous, [key]: value }));

  const body = voteBody(form);
  // Without the commission's size only the API can judge the quorum; the form then sends and shows its answer.
  const preview = body && members !== undefined ? previewVote(members, body) : undefined;
  const round = vote.proposal.round;

  const review = (event: Event) => {
    event.preventDefault();
    setAttempted(true);
    const checked = validate(CommissionVoteBody, body ?? { present: Number.NaN, for: Number.NaN, against: Number.NaN });
    if (!checked || (preview && !preview.ok)) return;
    setConfirming(checked);
  };
  const send = async () => {
    if (!confirming) return;
    const sent = confirming;
    setConfirming(undefined);
    setSending(true);
    setError(undefined);
    try {
      const result = await api<{ accepted: boolean }>("POST", `/attestations/${encodeURIComponent(vote.attestationId)}/commission-vote`, { body: sent });
      onRecorded({ accepted: result.accepted });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "already_decided") onConflict();
      else setError(caught);
    } finally {
      setSending(false);
    }
  };

  const count = (key: "present" | "for" | "against") => (
    <Field label={t(`chair:vote.${key}`)} hint={t("chair:vote.countHint")} error={errors[key]}>
      {(props) => <input {...props} type="number" inputMode="numeric" min={0} max={200} step={1} value={form[key]} onInput={(event) => set(key, event.currentTarget.value)} />}
    </Field>
  );

  return (
    <form class="form narrow" onSubmit={review} noValidate>
      <p>{t("chair:vote.intro")}</p>
      {members !== undefined && <p class="notice">{t("chair:vote.quorum", { quorum: quorumFor(members), members })}</p>}
      {count("present")}
      {count("for")}
      {count("against")}
      {isTie(form) && (
        <Choices
          legend={t("chair:vote.chairVote")}
          error={errors.chairVotedFor}
          options={[
            { value: "for", label: t("chair:vote.chairFor") },
            { value: "against", label: t("chair:vote.chairAgainst") },
          ]}
          value={form.chairVote}
          onChange={(value) => set("chairVote", value)}
        />
      )}
      <div aria-live="polite">
        {preview?.ok && (
          <div class={preview.accepted ? "notice ok" : "notice warn"}>
            <p class="notice-title">{t(preview.accepted ? "chair:vote.previewAccepted" : "chair:vote.previewRejected")}</p>
            {preview.decidedByChair && <p>{t("chair:vote.byChair")}</p>}
            {!preview.accepted && round && round !== "appeal" && <p>{t(`chair:vote.rejectedNext.${round}`)}</p>}
          </div>
        )}
        {preview && !preview.ok && (attempted || preview.code !== "tie_without_chair_vote") && (
          <p class="notice error" role={attempted ? "alert" : undefined}>
            {preview.message[language]}
          </p>
        )}
      </div>
      <SubmitRow error={error} busy={sending}>
        {t("chair:vote.submit")}
      </SubmitRow>
      <ConfirmDialog
        open={confirming !== undefined}
        title={t("chair:vote.confirmTitle")}
        confirmLabel={t("chair:vote.confirm")}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(undefined)}
      >
        {confirming && <p>{t("chair:vote.confirmBody", { present: confirming.present, for: confirming.for, against: confirming.against })}</p>}
      </ConfirmDialog>
    </form>
  );
}
