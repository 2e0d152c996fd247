// msg_sec_check v2 `result.label` values and what they mean (命中标签枚举值).

export const SEC_CHECK_LABELS: Record<number, string> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};

/** The Chinese reason for a label; labels WeChat adds later read as 其他. */
export function secCheckReason(label: number): string {
  return SEC_CHECK_LABELS[label] ?? SEC_CHECK_LABELS[21000];
}
