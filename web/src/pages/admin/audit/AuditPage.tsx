import { useEffect, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { listAudit } from "../../../api/admin";
import { ErrorText } from "../../../components/ErrorText";
import { formatTime } from "../../../components/format";
import { Pager } from "../../../components/Pager";
import { useApi } from "../../../components/useApi";
import { fieldMessage, problemOf, restMessage } from "../errors";
import { Field } from "../shared";

const pageSize = 50;
const filterKeys = ["actor", "action", "target", "from", "to"] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

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
  const [params, setParams] = useSearchParams();
  const applied: Filters = { actor: "", action: "", target: "", from: "", to: "" };
  for (const key of filterKeys) {
    applied[key] = params.get(key) ?? "";
  }
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = filterKeys.map((k) => applied[k]).join("\u0000");

  // Back/forward changes the URL: the fields follow it.
  useEffect(() => setDraft(applied), [appliedKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const { data, error, loading } = useApi(
    (signal) =>
      listAudit(
        {
          actor: applied.actor,
          action: applied.action,
          target: applied.target,
          from: isoOf(applied.from),
          to: isoOf(applied.to),
          page,
          pageSize,
        },
        { signal },
      ),
    [appliedKey, page],
  );

  function go(filters: Filters, nextPage: number) {
    const query: Record<string, string> = {};
    for (const key of filterKeys) {
      const value = filters[key].trim();
      if (value) {
        query[key] = value;
      }
    }
    if (nextPage > 1) {
      query.page = String(nextPage);
    }
    setParams(query);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    go(draft, 1);
  }

  const problem = error ? problemOf(error) : null;
  const field = (key: keyof Filters, label: string, type = "text", help?: string) => (
    <Field id={`audit-${key}`} label={label} help={help} error={fieldMessage(problem, key)}>
      {(a11y) => (
        <input {...a11y} type={type} value={draft[key]} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
      )}
    </Field>
  );

  return (
    <section>
      <h1>Audit log</h1>
      <form className="filters" onSubmit={onSubmit} noValidate aria-label="Audit filters">
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
              const empty = { actor: "", action: "", target: "", from: "", to: "" };
              setDraft(empty);
              go(empty, 1);
            }}
          >
            Clear filters
          </button>
        </div>
      </form>
      <ErrorText message={problem ? `Could not load the audit log: ${restMessage(problem, ["actor", "action", "target", "from", "to"]) ?? "see the filters above."}` : null} />
      {loading && !data && <p>Loading…</p>}
      {data && !error && data.items.length === 0 && <p className="muted">No entries match.</p>}
      {data && !error && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Result</th>
                <th scope="col">Details</th>
                <th scope="col">Address</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatTime(e.time)}</td>
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
            </tbody>
          </table>
        </div>
      )}
      {data && !error && <Pager page={page} pageSize={pageSize} total={data.total} onPage={(p) => go(applied, p)} label="Audit pages" />}
    </section>
  );
}
