import { listAudit } from "../../../api/admin";
import { ErrorText } from "../../../components/ErrorText";
import { Field } from "../../../components/Field";
import { fieldMessage, problemOf, restMessage } from "../../../components/formProblem";
import { formatTime } from "../../../components/format";
import { ListTable } from "../../../components/ListTable";
import { Pager } from "../../../components/Pager";
import { useApi } from "../../../components/useApi";
import { useListQuery } from "../../../components/useListQuery";

const pageSize = 50;
const filterKeys = ["actor", "action", "target", "from", "to"] as const;
const noFilters = { actor: "", action: "", target: "", from: "", to: "" };

/** A datetime-local value (the reader's local time) as an ISO instant for the API; undefined if empty or invalid. */
function isoOf(local: string): string | undefined {
  if (!local) {
    return undefined;
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** /admin/audit?actor=&action=&target=&from=&to=&page=: the audit log, newest first, filtered and paged by the server. */
export function AuditPage() {
  const { applied, appliedKey, page, draft, setDraft, go } = useListQuery(filterKeys);

  const { data, error, loading } = useApi(
    (options) => listAudit({ ...applied, from: isoOf(applied.from), to: isoOf(applied.to), page, pageSize }, options),
    [appliedKey, page],
  );

  // A refused filter (from after to, say) is a problem of the filter form: beside its field.
  const problem = error ? problemOf(error) : null;
  const field = (key: (typeof filterKeys)[number], label: string, type = "text", help?: string) => (
    <Field id={`audit-${key}`} label={label} help={help} error={fieldMessage(problem, key)}>
      {(a11y) => <input {...a11y} type={type} value={draft[key]} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />}
    </Field>
  );

  return (
    <section>
      <h1>Audit log</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go(draft);
        }}
        noValidate
        aria-label="Audit filters"
      >
        {field("actor", "Actor", "text", "A user name.")}
        {field("action", "Action", "text", "A prefix: token. or repository.create")}
        {field("target", "Target", "text", "A prefix: a repository or user name.")}
        {field("from", "From", "datetime-local")}
        {field("to", "To", "datetime-local")}
        <div className="row filter-actions">
          <button type="submit">Apply filters</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(noFilters);
              go(noFilters);
            }}
          >
            Clear filters
          </button>
        </div>
      </form>
      <ErrorText message={problem ? `Could not load the audit log: ${restMessage(problem, [...filterKeys]) ?? "see the filters above."}` : null} />
      {loading && !data && <p>Loading…</p>}
      {data && !error && data.items.length === 0 && <p className="muted">No entries match.</p>}
      {data && !error && data.items.length > 0 && (
        <ListTable caption="Audit entries" busy={loading} columns={["Time", "Actor", "Action", "Target", "Result", "Details", "Address"]}>
          {data.items.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="nowrap">
                {formatTime(e.time)}
              </th>
              <td>{e.actor ?? <span className="muted">anonymous</span>}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.target ?? ""}</td>
              <td>{e.succeeded ? "Succeeded" : <span className="error-text">Failed</span>}</td>
              <td className="details">{e.details ?? ""}</td>
              <td>{e.remoteAddress ?? ""}</td>
            </tr>
          ))}
        </ListTable>
      )}
      {data && !error && <Pager page={page} pageSize={pageSize} total={data.total} onPage={(p) => go(applied, p)} label="Audit pages" />}
    </section>
  );
}
