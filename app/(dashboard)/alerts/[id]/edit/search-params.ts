export { alertRuleSearchParams as editAlertSearchParams } from "../search-params";
