-- Suggestions on the large event (bench-large), loaded after agenda/load.sql (the 20,000 attendees and their 10
-- bookmarks each, heavy0 with 50): every attendee gets a profile showing their name and 10 interests to everyone,
-- opts in with every use_* switch on and a few intents, and has the suggestion_term rows SuggestionTerms.terms
-- would write for them. heavy0 (50 bookmarks, the 10 most popular interests, hiring on the most popular topics)
-- matches the most people; quiet0 (no bookmarks, one interest 5 others hold) the fewest.
-- Interests come from 200 cloud-native topics (40 subjects x 5 angles), drawn without replacement with Zipf
-- weights 1 / rank^:skew (psql -v skew=0.8), so the subjects are popular and the angles rare.
\set ON_ERROR_STOP on
set work_mem = '256MB';
select setseed(0.17);

insert into app_user (issuer, subject) values ('https://bench.hallway.invalid/realms/hallway', 'quiet0');

create temp table topic as
select row_number() over (order by a.n, s.n) as rank, s.subject || a.angle as label
from unnest(array['Kubernetes', 'Go', 'Rust', 'Java', 'Python', 'TypeScript', 'eBPF', 'WebAssembly', 'Observability',
                  'OpenTelemetry', 'Prometheus', 'Grafana', 'Service mesh', 'Istio', 'Envoy', 'Linkerd', 'GitOps',
                  'Argo CD', 'Flux', 'Helm', 'Terraform', 'Crossplane', 'Platform engineering', 'Serverless',
                  'Knative', 'Containers', 'containerd', 'Security', 'Supply chain security', 'Policy as code',
                  'Chaos engineering', 'SRE', 'FinOps', 'Storage', 'Databases on Kubernetes', 'Networking',
                  'Multi-cluster', 'Edge computing', 'AI infrastructure', 'Developer experience'])
         with ordinality s(subject, n)
cross join unnest(array['', ' in production', ' internals', ' for beginners', ' at scale']) with ordinality a(angle, n);

create temp table attendee as
select id, substr(subject, 9)::int as i from app_user where subject like 'attendee%';

-- Efraimidis-Spirakis: the 10 smallest -ln(u) / weight are a weighted sample without replacement.
create temp table interest as
select user_id, label, n from (
    select u.id as user_id, t.label,
           row_number() over (partition by u.id order by -ln(1 - random()) * power(t.rank, :skew)) as n
    from attendee u cross join topic t) drawn
where n <= 10;
-- The profiles below look each attendee's interests up: by index, not by a scan of all of them per attendee.
create index on interest (user_id);
insert into interest
select u.id, t.label, row_number() over (order by t.rank) from app_user u, topic t
where u.subject = 'heavy0' and t.rank <= 10;
-- quiet0's one interest is held by 5 attendees besides (in place of their tenth).
update interest set label = 'Wasm on mainframes'
where n = 10 and user_id in (select id from attendee where i in (1000, 2000, 3000, 4000, 5000));
insert into interest select id, 'Wasm on mainframes', 1 from app_user where subject = 'quiet0';
analyze interest;

-- Intents: 10% hiring (1-2 topics), 10% looking for work (0-2), 10% can help with (1-3), 20% learning (1-3).
create temp table intent as
select u.id as user_id, x.intent, x.family, x.role, x.position,
       x.min_topics + floor(random() * (x.max_topics - x.min_topics + 1))::int as topics
from attendee u
cross join (values ('hiring', 'work', 'offers', 0.10, 1, 2, 1), ('looking-for-work', 'work', 'seeks', 0.10, 0, 2, 2),
                   ('can-help-with', 'help', 'offers', 0.10, 1, 3, 3), ('learning', 'help', 'seeks', 0.20, 1, 3, 4))
           x(intent, family, role, share, min_topics, max_topics, position)
where random() + 0 * u.i < x.share; -- u.i: drawn for each attendee, not once for each intent
insert into intent select id, 'hiring', 'work', 'offers', 1, 2 from app_user where subject = 'heavy0';
-- The settings below look each attendee's intents up: by index, not by a scan of all of them per attendee.
create index on intent (user_id);

create temp table intent_topic as
select i.user_id, i.intent, t.label, t.n
from intent i
cross join lateral (
    select label, row_number() over (order by k) as n
    from (select topic.label, -ln(1 - random()) * power(topic.rank, :skew) + 0 * i.user_id as k from topic) drawn
    order by k limit i.topics) t
where i.user_id <> (select id from app_user where subject = 'heavy0');
insert into intent_topic
select u.id, 'hiring', t.label, t.rank from app_user u, topic t where u.subject = 'heavy0' and t.rank <= 2;
create index on intent_topic (user_id, intent);
analyze intent, intent_topic;

with e as (select id from event where slug = 'bench-large')
insert into profile (event_id, user_id, display_name, interests, visibility)
select (select id from e), u.id, initcap(u.subject),
       (select jsonb_agg(label order by n) from interest where user_id = u.id),
       '{"bio": "connections", "company": "connections", "displayName": "everyone", "email": "only-me",
         "headline": "connections", "interests": "everyone", "links": "connections", "phone": "only-me",
         "photoUrl": "connections", "pronouns": "connections"}'
from app_user u where u.issuer = 'https://bench.hallway.invalid/realms/hallway'
  and (u.subject like 'attendee%' or u.subject in ('heavy0', 'quiet0'));

-- As the app stores them: intent wire names, topics as written, in the order they were chosen.
with e as (select id from event where slug = 'bench-large')
-- Not due until the terms are in: the app's worker would build pools from half-loaded indexes.
insert into suggestion_setting (user_id, event_id, use_interests, use_intents, use_bookmarks, use_company, intents,
                                pool_due_at)
select p.user_id, p.event_id, true, true, true, true,
       coalesce((select jsonb_agg(jsonb_build_object('intent', i.intent, 'topics',
                        coalesce((select jsonb_agg(t.label order by t.n) from intent_topic t
                                  where t.user_id = i.user_id and t.intent = i.intent), '[]'))
                        order by i.position)
                 from intent i where i.user_id = p.user_id), '[]'), 'infinity'
from profile p where p.event_id = (select id from e);

-- SuggestionTerms.terms: interests as "interest:<lower>" shared, labelled as written; each intent as
-- "<family>:" with an empty label and "<family>:<lower topic>" labelled with the topic, in the intent's role.
with e as (select id from event where slug = 'bench-large')
insert into suggestion_term (event_id, user_id, term, role, label)
select (select id from e), user_id, 'interest:' || lower(label), 'shared', label from interest
union all
select (select id from e), user_id, family || ':', role, '' from intent
union all
select (select id from e), t.user_id, i.family || ':' || lower(t.label), i.role, t.label
from intent_topic t join intent i on i.user_id = t.user_id and i.intent = t.intent
on conflict do nothing;

-- Every speaker linked their account (see "Speaker invitations"), to attendees 50, 100, ... 15,000: the speakers of
-- the sessions one bookmarked rank in the same statement as the pool, about ten of them per attendee.
with e as (select id from event where slug = 'bench-large')
insert into speaker_link (speaker_id, event_id, user_id)
select sp.id, (select id from e), u.id
from (select id, row_number() over (order by id) as n from speaker where event_id = (select id from e)) sp
join app_user u on u.subject = 'attendee' || (sp.n * 50);

analyze;
-- Every pool is due, as the migration that added pools leaves the opt-ins made before it.
update suggestion_setting set pool_due_at = now();
