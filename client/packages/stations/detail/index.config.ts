export default definePageConfig({
  navigationBarTitleText: '工作站详情',
});
