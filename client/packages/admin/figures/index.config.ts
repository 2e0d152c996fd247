export default definePageConfig({
  navigationBarTitleText: '全市统计',
});
